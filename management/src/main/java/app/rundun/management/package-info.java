/**
 * The management port every service shares: open health probes and a Prometheus scrape behind its
 * own credential, configured once here and picked up by each service as an auto-configuration.
 */
package app.rundun.management;
