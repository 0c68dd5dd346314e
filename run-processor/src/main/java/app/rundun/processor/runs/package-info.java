/** Runs: the lifecycle of one run, its answers, its expiry, and how it reads on the wire. */
package app.rundun.processor.runs;
