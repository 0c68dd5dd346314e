/** The topology, built by a plain function from its parts, with every node and store named. */
package app.rundun.processor.topology;
