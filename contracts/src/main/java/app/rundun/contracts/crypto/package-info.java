/** The one HMAC helper, for signed URLs, signed tokens and webhook signatures. */
package app.rundun.contracts.crypto;
