package app.rundun.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The benchmark's table, printed and written with a chart under {@code target/}. */
final class BenchReport {

  private static final Path OUTPUT = Path.of("target");

  private BenchReport() {}

  /** The rows, each beside the two ceilings, then the lines measured otherwise ({@code notes}). */
  static void write(List<BenchRow> rows, String notes) throws IOException {
    BenchRow health = ceiling(rows, BenchRow.Kind.HTTP_CEILING);
    BenchRow producer = ceiling(rows, BenchRow.Kind.PRODUCER_CEILING);
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "Rundun benchmark: %d cores, in-process KRaft broker, exactly-once, real HTTP%n%n",
            Runtime.getRuntime().availableProcessors()));
    table.append(
        "| what | operations | per second | p50 ms | p99 ms | vs /health | vs raw producer |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (BenchRow row : rows) {
      table.append(
          String.format(
              "| %s | %,d | %,.0f | %.1f | %.1f | %.0f%% | %.0f%% |%n",
              row.what(),
              row.operations(),
              row.perSecond(),
              row.percentile(0.50),
              row.percentile(0.99),
              100 * row.perSecond() / health.perSecond(),
              100 * row.perSecond() / producer.perSecond()));
    }
    table.append('\n').append(notes).append('\n');
    System.out.println();
    System.out.println(table);
    Files.createDirectories(OUTPUT);
    Files.writeString(OUTPUT.resolve("benchmark.md"), table.toString());
    Files.writeString(OUTPUT.resolve("benchmark.svg"), chart(rows));
    System.out.println("Written: target/benchmark.md, target/benchmark.svg");
  }

  private static BenchRow ceiling(List<BenchRow> rows, BenchRow.Kind kind) {
    return rows.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
  }

  /** A horizontal bar chart of throughput, with p50 and p99 written beside each bar. */
  private static String chart(List<BenchRow> rows) {
    int width = 900;
    int bar = 28;
    int height = 60 + rows.size() * (bar + 12);
    double max = rows.stream().mapToDouble(BenchRow::perSecond).max().orElse(1);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">%n",
            width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Operations per second (p50 / p99 ms)</text>\n");
    int y = 44;
    for (BenchRow row : rows) {
      int length = (int) (420 * row.perSecond() / max);
      String colour = row.kind() == BenchRow.Kind.MEASURED ? "#0a5c44" : "#9aa5a0";
      svg.append(String.format("<text x=\"10\" y=\"%d\">%s</text>%n", y + 18, escape(row.what())));
      svg.append(
          String.format(
              "<rect x=\"330\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
              y, Math.max(1, length), bar, colour));
      svg.append(
          String.format(
              "<text x=\"%d\" y=\"%d\">%,.0f/s  (%.1f / %.1f)</text>%n",
              336 + length, y + 18, row.perSecond(), row.percentile(0.5), row.percentile(0.99)));
      y += bar + 12;
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;");
  }
}
