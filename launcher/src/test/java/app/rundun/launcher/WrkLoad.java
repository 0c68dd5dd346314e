package app.rundun.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads one URL with Debian's {@code wrk} (64 connections, 2 threads), a generator that is not the
 * bottleneck: the benchmark's own Java client tops out far below what the server answers on {@code
 * /health}, so reads are measured with this one, warm, beside its own {@code /health}.
 *
 * <p>The machine's speed drifts by half within minutes (it is shared), so one {@code /health}
 * figure taken before every row would compare each row with a different machine. The ceiling is
 * measured again after each row, and a row is compared with the mean of the ceilings just before
 * and just after it, both on the server the row loads: two API instances in one JVM differ.
 */
final class WrkLoad {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private static final String HEALTH = "/health";
  private static final int CONNECTIONS = 64;
  private static final int WARM_WINDOW_SECONDS = 5;
  private static final int MAX_WARM_WINDOWS = 6;
  private static final double STEADY = 0.05;

  private final String bearer;
  private final List<Row> rows = new ArrayList<>();

  /** The latest ceiling of each server, by its origin ({@code http://host:port}). */
  private final Map<String, Result> ceilings = new HashMap<>();

  WrkLoad(String bearer) {
    this.bearer = bearer;
  }

  /** What wrk measured of one URL. */
  record Result(
      String what, double perSecond, double p50Ms, double p99Ms, long failed, int warmSeconds) {}

  /** A row and the ceiling measured beside it: the mean of the one before and the one after. */
  private record Row(Result result, double ceilingPerSecond) {}

  static boolean available() {
    try {
      Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      probe.waitFor();
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Measures the ceiling the rows loading this server are compared with: {@code GET /health} of the
   * server at {@code origin}, measured again after each of them.
   */
  Result measureCeiling(String what, String origin) throws IOException, InterruptedException {
    Result ceiling = measured(what, origin + HEALTH, null, CONNECTIONS);
    ceilings.put(origin, ceiling);
    rows.add(new Row(ceiling, ceiling.perSecond()));
    return ceiling;
  }

  /** Warms a GET of the URL up ({@link #warm}), then measures it for 10 s. */
  Result measure(String what, String url) throws IOException, InterruptedException {
    return measure(what, url, null, CONNECTIONS);
  }

  /**
   * The same with PATCHes spread over {@code paths} (one run alone would measure how fast one run's
   * changes follow each other), each body {@code body} with a counter in its {@code %d}.
   */
  Result measurePatches(String what, String base, List<String> paths, String body)
      throws IOException, InterruptedException {
    return measureWrites(what, "PATCH", base, paths, body, CONNECTIONS);
  }

  /**
   * Requests of {@code method} spread over {@code paths}, each body {@code body} with a counter in
   * its {@code %d}, over {@code connections} connections.
   */
  Result measureWrites(
      String what, String method, String base, List<String> paths, String body, int connections)
      throws IOException, InterruptedException {
    Path script = Scratch.file("wrk", ".lua");
    StringBuilder lua = new StringBuilder("paths = {");
    for (String path : paths) {
      lua.append('"').append(path).append("\",");
    }
    lua.append("}\n")
        .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
        .append("counter = 0\n")
        .append("request = function()\n")
        .append("  counter = counter + 1\n")
        .append("  return wrk.format(\"")
        .append(method)
        .append("\", paths[(counter % #paths) + 1], nil,")
        .append(" string.format('")
        .append(body)
        .append("', counter))\n")
        .append("end\n");
    Files.writeString(script, lua);
    return measure(what, base + paths.getFirst(), script, connections);
  }

  private Result measure(String what, String url, Path script, int connections)
      throws IOException, InterruptedException {
    String origin = URI.create(url).resolve("/").toString().replaceAll("/$", "");
    Result before = ceilings.get(origin);
    if (before == null) {
      throw new IllegalStateException("Measure the ceiling of " + origin + " first");
    }
    Result result = measured(what, url, script, connections);
    Result after = measured("ceiling", origin + HEALTH, null, CONNECTIONS);
    rows.add(new Row(result, (before.perSecond() + after.perSecond()) / 2));
    ceilings.put(origin, after);
    return result;
  }

  private Result measured(String what, String url, Path script, int connections)
      throws IOException, InterruptedException {
    int warmSeconds = warm(url, script, connections);
    String out = run(url, script, "10s", connections);
    double p50 = 0;
    double p99 = 0;
    Matcher percentile = PERCENTILE.matcher(out);
    while (percentile.find()) {
      double value = Double.parseDouble(percentile.group(2));
      double ms =
          switch (percentile.group(3)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
          };
      if (percentile.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    Matcher failed = NON_2XX.matcher(out);
    Result result =
        new Result(
            what,
            rate(out, url),
            p50,
            p99,
            failed.find() ? Long.parseLong(failed.group(1)) : 0,
            warmSeconds);
    System.out.printf("  wrk: %s: %,.0f/s%n", what, result.perSecond());
    return result;
  }

  /**
   * Loads the URL in windows of 5 s until two windows in a row agree within 5%, for 30 s at most: a
   * path the JIT is still compiling would be compared with a {@code /health} compiled long ago (in
   * one run, the first of three rows of the same read gave 28% of {@code /health} and the third, a
   * minute later, 39%). Returns the seconds it took.
   */
  private int warm(String url, Path script, int connections)
      throws IOException, InterruptedException {
    double previous = rate(run(url, script, WARM_WINDOW_SECONDS + "s", connections), url);
    int windows = 1;
    while (windows < MAX_WARM_WINDOWS) {
      double current = rate(run(url, script, WARM_WINDOW_SECONDS + "s", connections), url);
      windows++;
      if (Math.abs(current - previous) <= STEADY * previous) {
        break;
      }
      previous = current;
    }
    return windows * WARM_WINDOW_SECONDS;
  }

  private static double rate(String wrkOutput, String url) {
    Matcher rate = RATE.matcher(wrkOutput);
    if (!rate.find()) {
      throw new IllegalStateException("wrk printed no rate for " + url + ":\n" + wrkOutput);
    }
    return Double.parseDouble(rate.group(1));
  }

  /** The table of every URL measured, each beside the ceiling measured around it. */
  String table() {
    StringBuilder table = new StringBuilder();
    table.append(
        "Reads and changes under wrk (2 threads, 10 s after a warm-up of 5 s windows until two"
            + " agree within 5%, 30 s at most; "
            + CONNECTIONS
            + " connections unless the row says; /health of the row's own server measured again"
            + " after each row, and each row compared with the mean of that /health just before and"
            + " just after it):\n\n");
    table.append(
        "| what | warm s | per second | p50 ms | p99 ms | /health beside | vs /health | non-2xx"
            + " |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      Result result = row.result();
      table.append(
          String.format(
              "| %s | %d | %,.0f | %.1f | %.1f | %,.0f | %.0f%% | %d |%n",
              result.what(),
              result.warmSeconds(),
              result.perSecond(),
              result.p50Ms(),
              result.p99Ms(),
              row.ceilingPerSecond(),
              100 * result.perSecond() / row.ceilingPerSecond(),
              result.failed()));
    }
    return table.toString();
  }

  private String run(String url, Path script, String duration, int connections)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration));
    command.add("--latency");
    command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
    if (script != null) {
      command.addAll(List.of("-s", script.toString()));
    }
    command.add(url);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    return out;
  }
}
