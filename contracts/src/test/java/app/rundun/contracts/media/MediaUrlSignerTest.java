package app.rundun.contracts.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MediaUrlSignerTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final String KEY = "runs/r-1/s-dm02/abc.jpg";

  @Test
  void aSignedUrlWorksUntilItExpiresAndOnlyForItsObject() {
    MediaUrlSigner signer = signer(NOW);
    URI url = URI.create(signer.sign(KEY));
    long expires = Long.parseLong(query(url, "expires"));
    String signature = query(url, "signature");

    assertThat(url.getPath()).isEqualTo("/media/" + KEY);
    assertThat(signer.verify(KEY, expires, signature)).isTrue();
    assertThat(signer.verify("runs/r-1/s-dm02/other.jpg", expires, signature)).isFalse();
    assertThat(signer.verify(KEY, expires + 3600, signature)).isFalse();
    assertThat(signer(NOW.plus(Duration.ofMinutes(61))).verify(KEY, expires, signature)).isFalse();
    assertThat(
            new MediaUrlSigner(
                    "https://api", "another-secret-value", Duration.ofHours(1), clock(NOW))
                .verify(KEY, expires, signature))
        .isFalse();
  }

  private static MediaUrlSigner signer(Instant now) {
    return new MediaUrlSigner(
        "https://api.rundun.app/", "a-signing-secret-value", Duration.ofHours(1), clock(now));
  }

  private static Clock clock(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private static String query(URI url, String name) {
    for (String part : url.getQuery().split("&")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " missing from " + url);
  }
}
