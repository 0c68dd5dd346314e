/** The one JSON dialect of Rundun: snake_case, strict on unknown fields and on types. */
package app.rundun.contracts.json;
