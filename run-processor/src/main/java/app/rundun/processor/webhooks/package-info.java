/** The log of webhook delivery attempts of each run, for the integrator to read. */
package app.rundun.processor.webhooks;
