package app.rundun.contracts.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

  @Test
  void aGeneratedKeyCarriesItsModeAndAValidChecksum() {
    String live = ApiKeys.generate(Mode.LIVE);
    String test = ApiKeys.generate(Mode.TEST);
    assertThat(live).startsWith("rdk_live_").hasSize(9 + 46);
    assertThat(ApiKeys.parse(live)).contains(Mode.LIVE);
    assertThat(ApiKeys.parse(test)).contains(Mode.TEST);
    assertThat(ApiKeys.generate(Mode.LIVE)).isNotEqualTo(live);
  }

  @Test
  void aMistypedOrForgedKeyFailsItsChecksum() {
    String key = ApiKeys.generate(Mode.LIVE);
    char last = key.charAt(20);
    String typo = key.substring(0, 20) + (last == 'a' ? 'b' : 'a') + key.substring(21);
    assertThat(ApiKeys.parse(typo)).isEmpty();
    assertThat(ApiKeys.parse("rdk_live_short")).isEmpty();
    assertThat(ApiKeys.parse(key.replace("rdk_live_", "rdk_test_"))).isEmpty();
    assertThat(ApiKeys.parse(null)).isEmpty();
  }

  @Test
  void onlyTheHashIsKeptAndItIsStable() {
    String key = ApiKeys.generate(Mode.LIVE);
    assertThat(ApiKeys.hash(key)).hasSize(64).isEqualTo(ApiKeys.hash(key)).doesNotContain(key);
  }
}
