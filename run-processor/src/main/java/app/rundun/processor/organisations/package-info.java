/** Organisations: the stage that applies every org-scoped command on the org's partition. */
package app.rundun.processor.organisations;
