/** The executor's calls: open, answer, skip, upload photos, submit, exit. The run id is the key. */
package app.rundun.ingest.executor;
