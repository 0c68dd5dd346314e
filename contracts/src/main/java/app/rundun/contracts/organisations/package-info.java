/** Organisations, their plans and modes, and the API keys that act for them. */
package app.rundun.contracts.organisations;
