/** The one typed registry of Rundun's topics, their keys and their serdes. */
package app.rundun.contracts.kafka;
