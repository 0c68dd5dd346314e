package app.rundun.ingest.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** "The same request" for an Idempotency-Key. */
class RequestDigestTest {

  @Test
  void theSameParametersInAnotherOrderOrSpacingAreTheSameRequest() {
    assertThat(digest("POST", "/v1/runs", "{\"template_id\":\"t-1\",\"executor_ref\":\"b-7\"}"))
        .isEqualTo(
            digest(
                "POST", "/v1/runs", "{ \"executor_ref\": \"b-7\",\n \"template_id\": \"t-1\" }"));
  }

  @Test
  void anotherValueOrAnotherPathIsAnotherRequest() {
    String first = digest("POST", "/v1/runs", "{\"template_id\":\"t-1\"}");
    assertThat(digest("POST", "/v1/runs", "{\"template_id\":\"t-2\"}")).isNotEqualTo(first);
    assertThat(digest("POST", "/v1/templates", "{\"template_id\":\"t-1\"}")).isNotEqualTo(first);
  }

  @Test
  void aBodyThatIsNotJsonIsTakenAsItIs() {
    assertThat(digest("POST", "/v1/runs", "{not json"))
        .isEqualTo(digest("POST", "/v1/runs", "{not json"))
        .isNotEqualTo(digest("POST", "/v1/runs", "{not  json"));
  }

  private static String digest(String method, String path, String json) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setContentType("application/json");
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    request.setContent(body);
    return RequestDigest.of(request, body);
  }
}
