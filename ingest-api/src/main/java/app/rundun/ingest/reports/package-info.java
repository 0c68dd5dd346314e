/**
 * The signed PDF report of a run: written as the run and its photos are read, signed with the key
 * from configuration, served with the API key or by a short-lived link the integrator can forward.
 */
package app.rundun.ingest.reports;
