package app.rundun.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The operator documents under {@code docs/ops}: the dashboard's and alert rules' queries. */
final class OpsDocs {

  static final Path DIR = Path.of("..", "docs", "ops");

  private static final Pattern SERIES =
      Pattern.compile("\\b((?:rundun|kafka|http_server|up)[a-z_]*)\\b(?=\\s*[{\\[)])");
  private static final Pattern ALERT_EXPR =
      Pattern.compile("^\\s+expr: (?:>-\\n((?:\\s{10}.*\\n)+)|(.*)\\n)", Pattern.MULTILINE);

  private OpsDocs() {}

  /** Every PromQL expression of the Grafana dashboard and of the alert rules. */
  static List<String> expressions() {
    List<String> expressions = new ArrayList<>();
    JsonNode dashboard = TestSystem.json(read("grafana-dashboard.json"));
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        expressions.add(target.get("expr").asString());
      }
    }
    Matcher alert = ALERT_EXPR.matcher(read("alerts.yml"));
    while (alert.find()) {
      String folded = alert.group(1) != null ? alert.group(1) : alert.group(2);
      expressions.add(folded.strip().replaceAll("\\s*\\n\\s*", " "));
    }
    return expressions;
  }

  /** The series an expression reads, e.g. {@code rundun_commands_seconds_count}. */
  static Set<String> seriesNamedBy(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher series = SERIES.matcher(expression);
    while (series.find()) {
      names.add(series.group(1));
    }
    return names;
  }

  private static String read(String file) {
    try {
      return Files.readString(DIR.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
