/** The one error catalog: stable codes, their HTTP statuses, and the error body of the spec. */
package app.rundun.contracts.errors;
