/** The run-processor: Kafka Streams owning run state, template versions and quotas. */
package app.rundun.processor;
