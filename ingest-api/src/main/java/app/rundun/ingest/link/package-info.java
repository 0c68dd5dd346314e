/** The link {@code /r/:run_id}: the app links, the fallback page, and the executor's web app. */
package app.rundun.ingest.link;
