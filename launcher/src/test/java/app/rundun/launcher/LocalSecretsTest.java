package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local secrets file is made readable by its owner only, and closed again if it was open. */
class LocalSecretsTest {

  @Test
  void theSecretsFileIsForItsOwnerOnly(@TempDir Path dataDir) throws Exception {
    Path file = dataDir.resolve("local-secrets.properties");
    Properties first = LocalRundun.secrets(file);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.OWNER_ONLY);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Properties again = LocalRundun.secrets(file);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.OWNER_ONLY);
    assertThat(again.getProperty("media_signing_secret"))
        .isEqualTo(first.getProperty("media_signing_secret"));
  }
}
