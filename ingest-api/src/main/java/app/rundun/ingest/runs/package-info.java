/** The integrator's Runs API: dispatch, read, preview, cancel. */
package app.rundun.ingest.runs;
