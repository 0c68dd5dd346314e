/** Webhook settings of the API, and the integrator's view of deliveries and redelivery. */
package app.rundun.ingest.webhooks;
