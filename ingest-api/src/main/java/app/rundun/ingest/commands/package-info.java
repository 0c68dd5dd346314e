/** Publishing commands and waiting for the processor's outcome (request-reply over Kafka). */
package app.rundun.ingest.commands;
