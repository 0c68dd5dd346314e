package app.rundun.ingest.media;

import java.util.Optional;

/** Where photo bytes live. Keys are {@code runs/{run}/{step}/{sha256}.{ext}}: content-addressed. */
public interface MediaStorage {

  void put(String key, byte[] bytes);

  Optional<byte[]> get(String key);

  boolean exists(String key);
}
