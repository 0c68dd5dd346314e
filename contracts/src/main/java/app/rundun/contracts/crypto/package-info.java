/**
 * The one HMAC and SHA-256 helpers, for signed URLs, signed tokens, webhook signatures and digests.
 */
package app.rundun.contracts.crypto;
