/** Runs as the API and the event topic show them: statuses, answers, progress, identity. */
package app.rundun.contracts.runs;
