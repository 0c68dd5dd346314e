/** What every Rundun service agrees on: topics, commands, events, wire shapes and errors. */
package app.rundun.contracts;
