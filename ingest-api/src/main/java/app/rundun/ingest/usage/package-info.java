/** The month's allowance and use, for the caller's mode. */
package app.rundun.ingest.usage;
