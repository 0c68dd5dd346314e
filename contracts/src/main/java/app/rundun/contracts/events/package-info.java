/** Run events as CloudEvents 1.0, the same on the topic and, by type and data, on webhooks. */
package app.rundun.contracts.events;
