package app.rundun.ingest.exports;

import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.runs.RunResource;
import java.io.IOException;
import java.io.Writer;

/**
 * The runs of an export, a page at a time, newest first: {@link #after} answers the page after a
 * run id (null for the first page).
 */
@FunctionalInterface
interface RunPages {

  ListPage<RunResource> after(String runId);

  /**
   * Writes every run to {@code rows}, flushing {@code out} after each page before the next is read:
   * only one page is ever held.
   */
  default void writeAll(ExportRows rows, Writer out) throws IOException {
    String after = null;
    boolean more = true;
    while (more) {
      ListPage<RunResource> page = after(after);
      for (RunResource run : page.data()) {
        rows.row(run);
        after = run.runId().value();
      }
      out.flush();
      more = page.hasMore() && !page.data().isEmpty();
    }
  }
}
