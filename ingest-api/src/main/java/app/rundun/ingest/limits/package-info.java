/**
 * Rate limits: a token bucket (Bucket4j) per API key and mode for reads and for writes, sized by
 * the organisation's plan; per run and per client address for the endpoints without a key. Every
 * limited answer carries the IETF {@code RateLimit} and {@code RateLimit-Policy} headers.
 */
package app.rundun.ingest.limits;
