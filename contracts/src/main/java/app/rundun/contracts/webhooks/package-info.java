/**
 * Webhooks: delivery requests, their schedule and attempts, secrets at rest, the address policy.
 */
package app.rundun.contracts.webhooks;
