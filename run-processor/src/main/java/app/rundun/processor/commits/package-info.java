/** When the stages ask Kafka Streams to commit before the commit interval is up. */
package app.rundun.processor.commits;
