package app.rundun.contracts.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixedIdsTest {

  @Test
  void aMintedIdIsValidForItsPrefixOnly() {
    String id = PrefixedIds.mint("r");

    assertThat(PrefixedIds.isValid("r", id)).isTrue();
    assertThat(PrefixedIds.isValid("t", id)).isFalse();
    assertThat(PrefixedIds.isValid("rr", id)).isFalse();
    assertThat(PrefixedIds.isValid("", id)).isFalse();
  }

  @Test
  void theCanonicalLowerCaseFormIsValid() {
    assertThat(PrefixedIds.isValid("r", "r-0f9a1b2c-3d4e-5f60-a7b8-c9d0e1f2a3b4")).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "r-",
        "r0f9a1b2c-3d4e-5f60-a7b8-c9d0e1f2a3b4a",
        "x-0f9a1b2c-3d4e-5f60-a7b8-c9d0e1f2a3b4",
        "r-0F9A1B2C-3D4E-5F60-A7B8-C9D0E1F2A3B4",
        "r-0f9a1b2c-3d4e-5f60-a7b8-c9d0e1f2a3b",
        "r-0f9a1b2c-3d4e-5f60-a7b8-c9d0e1f2a3b4f",
        "r-0f9a1b2c33d4e-5f60-a7b8-c9d0e1f2a3b4",
        "r-0f9a1b2c-3d4e-5f60-a7b8-c9d0e1f2a3g4",
        "r-0f9a1b2c-3d4e-5f60-a7b8-c9d0e1f2a3b-",
        "r-0f9a1b2c-3d4e-5f60-a7b8c-9d0e1f2a3b4",
        "r--0f9a1b2-3d4e-5f60-a7b8-c9d0e1f2a3b4"
      })
  void anythingElseIsNot(String value) {
    assertThat(PrefixedIds.isValid("r", value)).isFalse();
  }

  @Test
  void checkRefusesWithTheExpectedShape() {
    assertThatThrownBy(() -> PrefixedIds.check("r", "r-nope", "run"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'r-nope' is not a valid run id (r-{uuid}).");
  }
}
