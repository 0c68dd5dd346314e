/** The one place that turns every failure into the spec's error body, with a request id. */
package app.rundun.ingest.errors;
