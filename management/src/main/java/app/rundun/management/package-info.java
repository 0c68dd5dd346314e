/**
 * What every service shares for operating it, configured once here and picked up by each service as
 * an auto-configuration: the management port (open health probes, a Prometheus scrape behind its
 * own credential), a request id on every request of every port, and the spec's error body for what
 * the framework refuses itself.
 */
package app.rundun.management;
