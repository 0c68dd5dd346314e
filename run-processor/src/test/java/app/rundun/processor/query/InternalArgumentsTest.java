package app.rundun.processor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerMapping;

/** The typed ids and mode a handler of the internal API receives from its path. */
class InternalArgumentsTest {

  private static final String ORG = "org-0f8fad5b-d9cb-469f-a165-70867728950e";
  private static final String RUN = "r-7c9e6679-7425-40de-944b-e07fc1f90ae7";
  private static final String TEMPLATE = "t-16fd2706-8baf-433b-82eb-8c7fada847da";

  private final InternalArguments.TypedIds ids = new InternalArguments.TypedIds();

  @Test
  void theIdsThePathNamesArriveTyped() throws Exception {
    ServletWebRequest request =
        request(Map.of("orgId", ORG, "runId", RUN, "templateId", TEMPLATE), "LIVE");

    assertThat(resolve(0, request)).isEqualTo(new OrgId(ORG));
    assertThat(resolve(1, request)).isEqualTo(new RunId(RUN));
    assertThat(resolve(2, request)).isEqualTo(new TemplateId(TEMPLATE));
    assertThat(resolve(3, request)).isEqualTo(Mode.LIVE);
  }

  @Test
  void aMalformedIdIsTheCallersMistake() {
    ServletWebRequest request = request(Map.of("orgId", ORG, "runId", "r-not-a-uuid"), "LIVE");

    assertThatThrownBy(() -> resolve(1, request))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aModeNotWrittenByTheRegistryIsRefused() {
    assertThatThrownBy(() -> resolve(3, request(Map.of(), "live")))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> resolve(3, request(Map.of(), null))).isInstanceOf(ApiException.class);
  }

  @Test
  void otherArgumentsAreLeftToSpring() throws Exception {
    assertThat(ids.supportsParameter(parameter(4))).isFalse();
  }

  private Object resolve(int index, ServletWebRequest request) throws Exception {
    MethodParameter parameter = parameter(index);
    assertThat(ids.supportsParameter(parameter)).isTrue();
    return ids.resolveArgument(parameter, null, request, null);
  }

  private static MethodParameter parameter(int index) throws NoSuchMethodException {
    return new MethodParameter(
        Handler.class.getDeclaredMethod(
            "read", OrgId.class, RunId.class, TemplateId.class, Mode.class, String.class),
        index);
  }

  private static ServletWebRequest request(Map<String, String> variables, String mode) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/internal/anything");
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
    if (mode != null) {
      request.setQueryString("query=%7B%7D&mode=" + mode);
    }
    return new ServletWebRequest(request);
  }

  private static final class Handler {
    @SuppressWarnings("unused")
    void read(OrgId org, RunId run, TemplateId template, Mode mode, String other) {}
  }
}
