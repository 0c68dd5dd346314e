/** Who is calling: API keys for integrators, the operator token for the admin API. */
package app.rundun.ingest.auth;
