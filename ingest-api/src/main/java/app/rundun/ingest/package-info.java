/** The ingest-api: a thin HTTP API that authenticates, validates, publishes and reads. */
package app.rundun.ingest;
