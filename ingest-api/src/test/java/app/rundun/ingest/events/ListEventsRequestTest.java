package app.rundun.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.EventListQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ListEventsRequestTest {

  @Test
  void typesRepeatedOrCommaSeparatedARunAndATimeWindow() {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    query.add("type", "run.created,run.opened");
    query.add("type", "step.completed");
    query.add("run_id", "r-00000000-0000-4000-8000-000000000001");
    query.add("created[gte]", "1796220000");
    query.add("created[lt]", "2026-12-03T00:00:00Z");
    query.add("limit", "5");

    EventListQuery parsed = ListEventsRequest.parse(query);

    assertThat(parsed.types())
        .containsExactlyInAnyOrder("run.created", "run.opened", "step.completed");
    assertThat(parsed.runId()).isEqualTo("r-00000000-0000-4000-8000-000000000001");
    assertThat(parsed.created().from()).isEqualTo(Instant.ofEpochSecond(1796220000));
    assertThat(parsed.created().until()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    assertThat(parsed.paging().limit()).isEqualTo(5);
  }

  @Test
  void whatItDoesNotTakeIsRefusedNamingTheParameter() {
    assertRefused("type", "run.paused");
    assertRefused("run_id", "run-1");
    assertRefused("starting_after", "r-00000000-0000-4000-8000-000000000001");
    assertRefused("created[gt]", "last week");
    assertRefused("status", "completed");
    assertRefused("created[eq]", "1796220000");
  }

  private static void assertRefused(String name, String value) {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    query.add(name, value);
    assertThatThrownBy(() -> ListEventsRequest.parse(query))
        .as("%s=%s", name, value)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.param()).isEqualTo(name));
  }
}
