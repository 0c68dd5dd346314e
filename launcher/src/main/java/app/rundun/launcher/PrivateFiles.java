package app.rundun.launcher;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

/**
 * Files of secrets in the data folder (keys, tokens): readable and writable by their owner only.
 */
final class PrivateFiles {

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Writes the properties, the file never open to others, not even while it is written. */
  static void store(Path file, Properties properties, String comment) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    restrict(file);
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, comment);
    }
  }

  /** Closes a file an older version left readable by everyone. */
  static void restrict(Path file) throws IOException {
    if (Files.exists(file)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }
}
