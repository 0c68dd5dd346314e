package app.rundun.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct whole-second form reads and writes exactly what the ISO 8601 formatter does. */
class WholeSecondInstantsTest {

  @Test
  void agreesWithTheIsoFormatterOnManyInstants() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L));
      String iso = at.toString();
      assertThat(WholeSecondInstants.format(at)).isEqualTo(iso);
      assertThat(WholeSecondInstants.parse(iso)).isEqualTo(at);
    }
  }

  @Test
  void leavesEveryOtherFormToJacksonsOwn() {
    assertThat(WholeSecondInstants.format(Instant.parse("2026-05-22T08:31:00.5Z"))).isNull();
    assertThat(WholeSecondInstants.parse("2026-02-30T08:31:00Z")).isNull();
    assertThat(WholeSecondInstants.parse("2026-05-22T24:00:00Z")).isNull();
    assertThat(WholeSecondInstants.parse("2026-05-22 08:31:00Z")).isNull();
    Instant fraction = Instant.parse("2026-05-22T08:31:00.250Z");
    String json = Json.mapper().writeValueAsString(fraction);
    assertThat(json).isEqualTo("\"2026-05-22T08:31:00.250Z\"");
    assertThat(Json.mapper().readValue(json, Instant.class)).isEqualTo(fraction);
    assertThat(Json.mapper().readValue("\"2026-05-22T08:31:00Z\"", Instant.class))
        .isEqualTo(Instant.parse("2026-05-22T08:31:00Z"));
  }
}
