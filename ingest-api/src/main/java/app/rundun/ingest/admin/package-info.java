/** The operator API: organisations, plans, run packs and API keys. */
package app.rundun.ingest.admin;
