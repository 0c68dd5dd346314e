/**
 * The organisation's event log behind {@code GET /v1/events}: every run event, kept 30 days, on the
 * organisation's partition.
 */
package app.rundun.processor.eventlog;
