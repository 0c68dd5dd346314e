package app.rundun.launcher;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads one URL with Debian's {@code wrk} (64 connections, 2 threads), a generator that is not the
 * bottleneck: the benchmark's own Java client tops out far below what the server answers on {@code
 * /health}, so reads are measured with this one, warm, beside its own {@code /health}.
 *
 * <p>The machine's speed drifts by half within minutes (it is shared), so each row is measured in
 * short windows interleaved with windows of {@code /health} on the row's own server (two API
 * instances in one JVM differ), and compared with those. Each window also counts the CPU the system
 * spent (this JVM holds it; wrk does not count) per request: a ratio of CPU per request does not
 * move with the machine's speed as a ratio of rates does.
 */
final class WrkLoad {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final String HEALTH = "/health";
  private static final int CONNECTIONS = 64;
  private static final int THREADS = 2;
  private static final int WARM_WINDOW_SECONDS = 5;
  private static final int WINDOW_SECONDS = 5;
  private static final int ROUNDS = 3;

  private final String bearer;
  private final List<Row> rows = new ArrayList<>();

  /** The servers whose ceiling was measured, by origin ({@code http://host:port}). */
  private final Set<String> servers = new HashSet<>();

  WrkLoad(String bearer) {
    this.bearer = bearer;
  }

  /** What wrk measured of one URL. */
  record Result(
      String what,
      double perSecond,
      double p50Ms,
      double p99Ms,
      long failed,
      int warmSeconds,
      double cpuMicrosPerRequest) {}

  /**
   * A row and the ceiling measured beside it: the mean rate and CPU per request of the {@code
   * /health} windows around it.
   */
  private record Row(Result result, double ceilingPerSecond, double ceilingCpuMicros) {}

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
   * Measures the ceiling of the server at {@code origin}, {@code GET /health}, as a row of its own;
   * the rows loading that server are then compared with its windows around theirs.
   */
  Result measureCeiling(String what, String origin) throws IOException, InterruptedException {
    String url = origin + HEALTH;
    int warmSeconds = warm(url, null, CONNECTIONS);
    Window window = window(url, null, "10s", CONNECTIONS);
    Result ceiling =
        new Result(
            what,
            window.perSecond(),
            window.p50Ms(),
            window.p99Ms(),
            window.failed(),
            warmSeconds,
            window.cpuMicrosPerRequest());
    servers.add(origin);
    rows.add(new Row(ceiling, ceiling.perSecond(), ceiling.cpuMicrosPerRequest()));
    System.out.printf("  wrk: %s: %,.0f/s%n", what, ceiling.perSecond());
    return ceiling;
  }

  /** Warms a GET of the URL up ({@link #warm}), then measures it for 10 s. */
  Result measure(String what, String url) throws IOException, InterruptedException {
    return measure(what, url, null, CONNECTIONS);
  }

  /**
   * Requests of one method spread over paths (one run alone would measure how fast one run's
   * changes follow each other), each body with a counter in its {@code %d}, and the headers an
   * executor's app adds.
   */
  record Writes(String method, List<String> paths, String body, Map<String, String> headers) {

    /** {@code method} over {@code paths}, each with {@code body}; no header but the key's. */
    static Writes of(String method, List<String> paths, String body) {
      return new Writes(method, paths, body, Map.of());
    }

    /** The same, each request also carrying {@code name}. */
    Writes withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Writes(method, paths, body, more);
    }
  }

  /** Warms the writes up, then measures them over the rows' usual connections. */
  Result measureWrites(String what, String base, Writes writes)
      throws IOException, InterruptedException {
    return measureWrites(what, base, writes, CONNECTIONS);
  }

  /** Warms the writes up, then measures them over {@code connections} connections. */
  Result measureWrites(String what, String base, Writes writes, int connections)
      throws IOException, InterruptedException {
    Path script = Scratch.file("wrk", ".lua");
    StringBuilder lua = new StringBuilder("paths = {");
    for (String path : writes.paths()) {
      lua.append('"').append(path).append("\",");
    }
    lua.append("}\n").append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
    writes
        .headers()
        .forEach((name, value) ->
            lua.append("wrk.headers[\"")
                .append(name)
                .append("\"] = \"")
                .append(value)
                .append("\"\n"));
    lua.append("counter = 0\n")
        .append("request = function()\n")
        .append("  counter = counter + 1\n")
        .append("  return wrk.format(\"")
        .append(writes.method())
        .append("\", paths[(counter % #paths) + 1], nil,")
        .append(" string.format('")
        .append(writes.body())
        .append("', counter))\n")
        .append("end\n");
    Files.writeString(script, lua);
    return measure(what, base + writes.paths().getFirst(), script, connections);
  }

  /**
   * Warms the row up, then measures it in {@value #ROUNDS} windows of {@value #WINDOW_SECONDS} s,
   * each between two windows of its server's {@code /health}: the machine's speed drifts within a
   * minute, so a ceiling measured a minute before or after (behind its own warm-up) was another
   * machine's. The row's rate is the mean of its windows, its ceiling the mean of the windows
   * around them, its p50 the median of its windows' and its p99 their highest.
   */
  private Result measure(String what, String url, Path script, int connections)
      throws IOException, InterruptedException {
    String origin = URI.create(url).resolve("/").toString().replaceAll("/$", "");
    if (!servers.contains(origin)) {
      throw new IllegalStateException("Measure the ceiling of " + origin + " first");
    }
    String health = origin + HEALTH;
    int warmSeconds = warm(url, script, connections);
    List<Window> windows = new ArrayList<>();
    List<Window> ceilings = new ArrayList<>(List.of(window(health, null, CONNECTIONS)));
    for (int round = 0; round < ROUNDS; round++) {
      windows.add(window(url, script, connections));
      ceilings.add(window(health, null, CONNECTIONS));
    }
    List<Double> p50s = windows.stream().map(Window::p50Ms).sorted().toList();
    Result result =
        new Result(
            what,
            windows.stream().mapToDouble(Window::perSecond).average().orElseThrow(),
            p50s.get(p50s.size() / 2),
            windows.stream().mapToDouble(Window::p99Ms).max().orElseThrow(),
            windows.stream().mapToLong(Window::failed).sum(),
            warmSeconds,
            windows.stream().mapToDouble(Window::cpuMicrosPerRequest).average().orElseThrow());
    rows.add(
        new Row(
            result,
            ceilings.stream().mapToDouble(Window::perSecond).average().orElseThrow(),
            ceilings.stream().mapToDouble(Window::cpuMicrosPerRequest).average().orElseThrow()));
    System.out.printf("  wrk: %s: %,.0f/s%n", what, result.perSecond());
    return result;
  }

  /** What one run of wrk measured, and the system's CPU time per request it answered. */
  private record Window(
      double perSecond, double p50Ms, double p99Ms, long failed, double cpuMicrosPerRequest) {}

  private Window window(String url, Path script, int connections)
      throws IOException, InterruptedException {
    return window(url, script, WINDOW_SECONDS + "s", connections);
  }

  /** Runs wrk once, counting the CPU time this JVM (the system under load) spends meanwhile. */
  private Window window(String url, Path script, String duration, int connections)
      throws IOException, InterruptedException {
    long cpuBefore = CPU.getProcessCpuTime();
    String out = run(url, script, duration, connections);
    long cpuNanos = CPU.getProcessCpuTime() - cpuBefore;
    Matcher answered = REQUESTS.matcher(out);
    if (!answered.find()) {
      throw new IllegalStateException("wrk printed no request count for " + url + ":\n" + out);
    }
    return parse(url, out, cpuNanos / 1000.0 / Long.parseLong(answered.group(1)));
  }

  private static Window parse(String url, String out, double cpuMicrosPerRequest) {
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
    return new Window(
        rate(out, url),
        p50,
        p99,
        failed.find() ? Long.parseLong(failed.group(1)) : 0,
        cpuMicrosPerRequest);
  }

  /**
   * Loads the URL in windows of 5 s until they are steady ({@link WarmUp}); the seconds it took.
   */
  private int warm(String url, Path script, int connections)
      throws IOException, InterruptedException {
    WarmUp warmUp = new WarmUp();
    boolean warming = true;
    while (warming) {
      warming = warmUp.another(rate(run(url, script, WARM_WINDOW_SECONDS + "s", connections), url));
    }
    return warmUp.windows() * WARM_WINDOW_SECONDS;
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
        "Reads and changes under wrk (2 threads; "
            + CONNECTIONS
            + " connections unless the row says; a warm-up of 5 s windows until two agree within"
            + " 5%, 30 s at most; then "
            + ROUNDS
            + " windows of "
            + WINDOW_SECONDS
            + " s, each between two windows of /health on the row's own server, the row compared"
            + " with the mean of those; p50 the median window's, p99 the highest; CPU the"
            + " system's per request, and /health's CPU per request over the row's, which does not"
            + " move with the machine's speed):\n\n");
    table.append(
        "| what | warm s | per second | p50 ms | p99 ms | /health beside | vs /health | non-2xx"
            + " | CPU µs | CPU vs /health |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      Result result = row.result();
      table.append(
          String.format(
              "| %s | %d | %,.0f | %.1f | %.1f | %,.0f | %.0f%% | %d | %,.0f | %.0f%% |%n",
              result.what(),
              result.warmSeconds(),
              result.perSecond(),
              result.p50Ms(),
              result.p99Ms(),
              row.ceilingPerSecond(),
              100 * result.perSecond() / row.ceilingPerSecond(),
              result.failed(),
              result.cpuMicrosPerRequest(),
              100 * row.ceilingCpuMicros() / result.cpuMicrosPerRequest()));
    }
    return table.toString();
  }

  private String run(String url, Path script, String duration, int connections)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk", "-t" + Math.min(THREADS, connections), "-c" + connections, "-d" + duration));
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
