/** Members: the integrator manages them; they set a password from an invite and sign in to runs. */
package app.rundun.ingest.members;
