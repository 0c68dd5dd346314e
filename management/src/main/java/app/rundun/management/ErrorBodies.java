package app.rundun.management;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorBody;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the framework answers itself on a management port (a path that is not there, a method the
 * endpoint does not take) is the spec's error body with the request's id, as on the API, not Spring
 * Boot's {@code timestamp}, {@code status}, {@code path}.
 */
final class ErrorBodies extends DefaultErrorAttributes {

  /** Spring Boot's error endpoints want the body as a map; the record says its fields once. */
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Object status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
    ApiException refusal = ApiException.forStatus(status instanceof Integer code ? code : 500);
    String id = null;
    if (request instanceof ServletWebRequest servlet) {
      HttpServletResponse response = servlet.getResponse();
      if (response != null) {
        // Named before the body is written, so that a client accepting only HTML (a browser)
        // gets this body rather than a bodiless 406 from content negotiation.
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      }
      // A caller that hands over the request alone (Spring Boot's own error controller) gets the
      // id the filter gave it.
      id =
          response == null
              ? RequestIds.of(servlet.getRequest())
              : RequestIds.ensure(servlet.getRequest(), response);
    }
    return JsonMapper.shared().convertValue(ErrorBody.of(refusal, id), FIELDS);
  }
}
