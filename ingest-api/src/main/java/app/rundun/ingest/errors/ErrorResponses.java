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
    entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
    json.writeValue(response.getOutputStream(), entity.getBody());
  }
}
