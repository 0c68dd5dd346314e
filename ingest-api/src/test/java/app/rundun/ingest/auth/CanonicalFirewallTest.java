package app.rundun.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

/** Every path that reaches the application has one spelling. */
class CanonicalFirewallTest {

  private final CanonicalFirewall firewall = new CanonicalFirewall();

  @Test
  void aPlainPathPasses() {
    assertThat(firewall.getFirewalledRequest(request("/v1/runs/r-1")).getRequestURI())
        .isEqualTo("/v1/runs/r-1");
  }

  @Test
  void aLetterOrDigitOrUnreservedMarkSpelledEncodedIsRefused() {
    for (String path :
        new String[] {"/v1/r%75ns/r-1", "/v1/runs/r%2D1", "/v1/runs/r-%31", "/v%7e"}) {
      assertThatThrownBy(() -> firewall.getFirewalledRequest(request(path)))
          .as(path)
          .isInstanceOf(RequestRejectedException.class)
          .hasMessageContaining("never encoded");
    }
  }

  @Test
  void whatMustBeEncodedMayBe() {
    assertThat(firewall.getFirewalledRequest(request("/v1/exports/a%20b")).getRequestURI())
        .isEqualTo("/v1/exports/a%20b");
  }

  @Test
  void theStrictFirewallsRulesStillHold() {
    for (String path : new String[] {"/v1/runs/r-1;x=1", "/v1/runs%2Fr-1", "/v1//runs"}) {
      assertThatThrownBy(() -> firewall.getFirewalledRequest(request(path)))
          .as(path)
          .isInstanceOf(RequestRejectedException.class);
    }
  }

  @Test
  void theReasonLeavesOutSpringsPreamble() {
    RequestRejectedException e =
        new RequestRejectedException("The request was rejected because the URL contained \";\"");
    assertThat(CanonicalFirewall.reason(e)).isEqualTo("the URL contained \";\"");
  }

  @Test
  void theReasonLeavesOutSpringsFullStopForTheCallersOwn() {
    RequestRejectedException e =
        new RequestRejectedException(
            "The request was rejected because the URL was not normalized.");
    assertThat(CanonicalFirewall.reason(e)).isEqualTo("the URL was not normalized");
  }

  private static MockHttpServletRequest request(String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    // The container gives the servlet path decoded, as the strict firewall expects it.
    request.setServletPath(URLDecoder.decode(uri, StandardCharsets.UTF_8));
    return request;
  }
}
