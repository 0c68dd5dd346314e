/** Idempotency-Key claims: who holds a key, and the response its retries replay. */
package app.rundun.processor.idempotency;
