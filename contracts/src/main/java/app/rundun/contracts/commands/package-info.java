/** The commands the API publishes and the replies the processor sends back. */
package app.rundun.contracts.commands;
