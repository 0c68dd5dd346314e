/**
 * {@code /v1/api_keys}: an organisation's own keys, listed, issued (shown once), rolled with an
 * overlap, revoked, and restricted to scopes. Only a key without restrictions may use it.
 */
package app.rundun.ingest.apikeys;
