/**
 * Live template statistics: each run fact counted into its template version's day and total, kept
 * on the template's partition and published to {@code rundun.template-stats}.
 */
package app.rundun.processor.stats;
