/** Reads through the run-processor's interactive queries; the API keeps no run state. */
package app.rundun.ingest.queries;
