/** Idempotency-Key claims: what the API asks of the idempotency stage, and what it answers. */
package app.rundun.contracts.idempotency;
