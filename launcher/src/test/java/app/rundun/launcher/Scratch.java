package app.rundun.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a test JVM (and the benchmark) writes its files: one directory, deleted when the JVM exits,
 * after the systems writing into it have been closed. A verify run writes gigabytes of broker logs,
 * state stores and browser profiles; left behind, a few runs filled this machine's disk.
 */
final class Scratch {

  private static final Path ROOT = createRoot();
  private static final Deque<AutoCloseable> CLOSE_AT_EXIT = new ArrayDeque<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Scratch::exit, "rundun-scratch"));
  }

  private Scratch() {}

  /** A new directory, named from {@code prefix}. */
  static Path directory(String prefix) {
    try {
      return Files.createTempDirectory(ROOT, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty file, named from {@code prefix} and {@code suffix}. */
  static Path file(String prefix, String suffix) {
    try {
      return Files.createTempFile(ROOT, prefix, suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes {@code resource} when the JVM exits, before the files are deleted: a broker whose log
   * directory disappears under it may halt the JVM, and the rest would not be deleted.
   */
  static synchronized void closeAtExit(AutoCloseable resource) {
    CLOSE_AT_EXIT.push(resource);
  }

  /** Deletes {@code path} and everything under it, as far as it can. */
  static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              quietlyDelete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              quietlyDelete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Cleaning up must not fail the run it follows; what is left is in the JVM's temp dir.
    }
  }

  private static void quietlyDelete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // As above: a file a child process still holds open is left behind.
    }
  }

  private static synchronized void exit() {
    while (!CLOSE_AT_EXIT.isEmpty()) {
      try {
        CLOSE_AT_EXIT.pop().close();
      } catch (Exception e) {
        // The JVM is exiting; the files are deleted either way.
      }
    }
    delete(ROOT);
  }

  private static Path createRoot() {
    try {
      return Files.createTempDirectory("rundun-scratch");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
