/** The integrator's Templates API: create, update (next version), read, list. */
package app.rundun.ingest.templates;
