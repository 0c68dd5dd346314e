/** How state stores are built: persistent, changelogged, string-keyed, named by their owner. */
package app.rundun.processor.stores;
