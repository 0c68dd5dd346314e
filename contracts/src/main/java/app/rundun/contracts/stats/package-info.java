/**
 * Live template statistics: what happens to runs, sent by the run stage as {@link
 * app.rundun.contracts.stats.RunFact}s, and what the statistics stage counts from them ({@link
 * app.rundun.contracts.stats.TemplateStats}, on {@code rundun.template-stats} and the API).
 */
package app.rundun.contracts.stats;
