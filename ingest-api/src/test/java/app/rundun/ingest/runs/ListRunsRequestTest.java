package app.rundun.ingest.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.runs.RunStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The query string of {@code GET /v1/runs}, read without a server. */
class ListRunsRequestTest {

  @Test
  void nothingGivenIsTenRunsOfAnyKind() {
    RunListQuery query = ListRunsRequest.parse(new LinkedMultiValueMap<>());
    assertThat(query.paging().limit()).isEqualTo(10);
    assertThat(query.statuses()).isEmpty();
    assertThat(query.metadata()).isEmpty();
  }

  @Test
  void boundsOnWholeSecondsComeDownToFromAndUntil() {
    RunListQuery query =
        ListRunsRequest.parse(
            params(
                "created[gt]", "1000",
                "created[lte]", "2026-05-22T08:31:00Z",
                "updated[gte]", "2000",
                "updated[lt]", "3000"));
    assertThat(query.created().contains(Instant.ofEpochSecond(1000))).isFalse();
    assertThat(query.created().contains(Instant.ofEpochSecond(1001))).isTrue();
    assertThat(query.created().contains(Instant.parse("2026-05-22T08:31:00Z"))).isTrue();
    assertThat(query.created().contains(Instant.parse("2026-05-22T08:31:01Z"))).isFalse();
    assertThat(query.updated().contains(Instant.ofEpochSecond(2000))).isTrue();
    assertThat(query.updated().contains(Instant.ofEpochSecond(3000))).isFalse();
  }

  @Test
  void statusesAreRepeatedOrCommaSeparatedAndMetadataPairsAreNamedInBrackets() {
    MultiValueMap<String, String> params = params("status", "pending,in_progress");
    params.add("status", "expired");
    params.add("metadata[depot]", "LHR");
    RunListQuery query = ListRunsRequest.parse(params);
    assertThat(query.statuses())
        .containsExactlyInAnyOrder(RunStatus.PENDING, RunStatus.IN_PROGRESS, RunStatus.EXPIRED);
    assertThat(query.metadata()).containsEntry("depot", "LHR");
  }

  @Test
  void everyWrongParameterIsRefusedByName() {
    assertRefused(params("colour", "red"), "colour");
    assertRefused(params("limit", "0"), "limit");
    assertRefused(params("limit", "1.5"), "limit");
    assertRefused(params("status", "done"), "status");
    assertRefused(params("status", ""), "status");
    assertRefused(params("created[gte]", "yesterday"), "created[gte]");
    assertRefused(params("created[between]", "1"), "created[between]");
    assertRefused(params("starting_after", "r-1"), "starting_after");
    assertRefused(params("template_id", "tmpl"), "template_id");
    assertRefused(params("assigned_to", "me"), "assigned_to");
    assertRefused(params("executor_ref", ""), "executor_ref");
    MultiValueMap<String, String> twice = params("limit", "5");
    twice.add("limit", "6");
    assertRefused(twice, "limit");
  }

  private static void assertRefused(MultiValueMap<String, String> params, String param) {
    assertThatThrownBy(() -> ListRunsRequest.parse(params))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.param()).as("%s", params).isEqualTo(param));
  }

  private static MultiValueMap<String, String> params(String... pairs) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.add(pairs[i], pairs[i + 1]);
    }
    return params;
  }
}
