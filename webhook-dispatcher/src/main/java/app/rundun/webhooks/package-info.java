/** The webhook-dispatcher: run events to signed webhook deliveries, with retries. */
package app.rundun.webhooks;
