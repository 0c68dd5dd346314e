package app.rundun.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void aTextsDigestIsTheStandardOneInLowerCaseHex() {
    // FIPS 180-2, appendix B.1.
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(Sha256.hex("abc"));
  }

  @Test
  void eachDigestStartsEmptyWhateverAnotherWasGiven() {
    MessageDigest first = Sha256.digest();
    first.update("left unfinished".getBytes(StandardCharsets.UTF_8));
    MessageDigest second = Sha256.digest();
    second.update("ab".getBytes(StandardCharsets.UTF_8));
    second.update("c".getBytes(StandardCharsets.UTF_8));
    assertThat(java.util.HexFormat.of().formatHex(second.digest())).isEqualTo(Sha256.hex("abc"));
  }
}
