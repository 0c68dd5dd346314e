/**
 * The organisation's event log behind {@code GET /v1/events}: where each run event of the last 30
 * days lies on {@code rundun.run-events}, indexed on the organisation's partition, and the reader
 * that fetches the events themselves from the topic.
 */
package app.rundun.processor.eventlog;
