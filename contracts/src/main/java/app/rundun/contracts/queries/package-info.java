/** The conventions of the run-processor's internal read API, shared with its caller. */
package app.rundun.contracts.queries;
