package app.rundun.ingest.media;

import java.net.URI;
import java.util.Optional;

/** Where photo bytes live. Keys are {@code runs/{run}/{step}/{sha256}.{ext}}: content-addressed. */
public interface MediaStorage {

  void put(String key, byte[] bytes);

  Optional<byte[]> get(String key);

  boolean exists(String key);

  /**
   * A short-lived URL the client may fetch the bytes from directly, when the store can sign one;
   * otherwise the API serves the bytes itself.
   */
  default Optional<URI> directUrl(String key) {
    return Optional.empty();
  }
}
