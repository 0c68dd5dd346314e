/** The catalogue of events Rundun emits, and the JSON Schema of each, served as documents. */
package app.rundun.ingest.events;
