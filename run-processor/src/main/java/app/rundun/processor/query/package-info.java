/** Interactive queries: reads answered by the instance that owns the key, wherever they land. */
package app.rundun.processor.query;
