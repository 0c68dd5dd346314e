/**
 * Streaming exports of a template's runs (NDJSON, CSV, GeoJSON): read page by page from the run
 * list and written as they are read, so memory is one page and the first bytes leave at once.
 */
package app.rundun.ingest.exports;
