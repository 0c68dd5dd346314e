/** Templates: ordered steps of twelve types, the rules of each, and the versions of a template. */
package app.rundun.contracts.templates;
