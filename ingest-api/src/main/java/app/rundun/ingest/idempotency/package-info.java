/** Idempotency-Key on every POST: claim before, replay after, 409 while the first is running. */
package app.rundun.ingest.idempotency;
