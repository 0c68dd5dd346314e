package app.rundun.ingest.media;

import app.rundun.ingest.IngestProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Photos on the local disk under the data folder: the default for one machine. */
@Component
@ConditionalOnProperty(
    name = "rundun.media-store",
    havingValue = "filesystem",
    matchIfMissing = true)
class FileSystemMediaStorage implements MediaStorage {

  private final Path root;

  FileSystemMediaStorage(IngestProperties properties) {
    this.root = properties.mediaDir().toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".upload", ".tmp");
      Files.write(temporary, bytes);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store " + key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    Path source = resolve(key);
    try {
      return Files.exists(source) ? Optional.of(Files.readAllBytes(source)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.exists(resolve(key));
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Media key outside the media folder: " + key);
    }
    return path;
  }
}
