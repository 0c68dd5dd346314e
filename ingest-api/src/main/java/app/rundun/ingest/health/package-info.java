/** A liveness answer for load balancers, which does nothing else: also the benchmark's floor. */
package app.rundun.ingest.health;
