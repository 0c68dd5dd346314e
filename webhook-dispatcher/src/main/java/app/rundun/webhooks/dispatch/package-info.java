/** The dispatch loop: deliveries in parallel, retries on a durable schedule, nothing dropped. */
package app.rundun.webhooks.dispatch;
