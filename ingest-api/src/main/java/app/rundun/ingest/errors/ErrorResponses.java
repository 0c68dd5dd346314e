package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the spec's error body straight to a response, for refusals made before a controller is
 * chosen (filters, the security chain): the same body {@link ApiErrors} gives a controller's.
 */
@Component
public class ErrorResponses {

  private final JsonMapper json;

  ErrorResponses(JsonMapper json) {
    this.json = json;
  }

  public void write(ApiException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    var entity = ApiErrors.respond(e, request);
    response.resetBuffer();
    response.setStatus(entity.getStatusCode().value());
    // A header the refusing filter set itself (an exact Retry-After) is kept.
    entity
        .getHeaders()
        .forEach((name, values) -> {
          if (!response.containsHeader(name)) {
            values.forEach(v -> response.addHeader(name, v));
          }
        });
    json.writeValue(response.getOutputStream(), entity.getBody());
  }
}
