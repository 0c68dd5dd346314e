/** The API's own documentation: the OpenAPI document and a page to browse it. */
package app.rundun.ingest.docs;
