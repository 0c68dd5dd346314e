package app.rundun.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service in a JVM of its own, so that a test can kill it as production would (SIGKILL). */
final class ChildJvm {

  private ChildJvm() {}

  /** Starts {@code mainClass} on the test classpath, its output appended to {@code log}. */
  static Process start(Class<?> mainClass, Path log, String... args) throws IOException {
    return start(mainClass, log, Map.of(), args);
  }

  /** As {@link #start(Class, Path, String...)}, with these environment variables set. */
  static Process start(
      Class<?> mainClass, Path log, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Short-lived and sharing two cores with the test and each other: the quick compiler alone
    // and one GC thread leave the CPU to the work under test rather than to warming up.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    // RocksDB's native library and Tomcat's work dirs go there; a killed JVM never deletes them.
    command.add("-Djava.io.tmpdir=" + Scratch.directory("child-jvm"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** Waits until the log has the line, e.g. the service saying it is ready. */
  static void awaitLine(Path log, String line) throws Exception {
    Eventually.until(
        "\"" + line + "\" in " + log,
        Duration.ofSeconds(90),
        () -> Files.readString(log),
        text -> text.contains(line));
  }
}
