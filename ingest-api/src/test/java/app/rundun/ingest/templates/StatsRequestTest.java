package app.rundun.ingest.templates;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.ingest.Refusals;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class StatsRequestTest {

  @Test
  void thirtyDaysOfEveryVersionUnlessAsked() {
    assertThat(StatsRequest.parse(new LinkedMultiValueMap<>()))
        .isEqualTo(new StatsRequest(30, null));
    assertThat(StatsRequest.parse(query("days", "366", "version", "3")))
        .isEqualTo(new StatsRequest(366, 3));
  }

  @Test
  void whatItDoesNotTakeIsRefusedNamingTheParameter() {
    assertThat(Refusals.paramOf(() -> StatsRequest.parse(query("days", "0")))).isEqualTo("days");
    assertThat(Refusals.paramOf(() -> StatsRequest.parse(query("days", "367")))).isEqualTo("days");
    assertThat(Refusals.paramOf(() -> StatsRequest.parse(query("days", "a week"))))
        .isEqualTo("days");
    assertThat(Refusals.paramOf(() -> StatsRequest.parse(query("version", "-1"))))
        .isEqualTo("version");
    assertThat(Refusals.paramOf(() -> StatsRequest.parse(query("version", "1", "version", "2"))))
        .isEqualTo("version");
    assertThat(Refusals.paramOf(() -> StatsRequest.parse(query("from", "2026-12-01"))))
        .isEqualTo("from");
  }

  private static MultiValueMap<String, String> query(String... pairs) {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.add(pairs[i], pairs[i + 1]);
    }
    return query;
  }
}
