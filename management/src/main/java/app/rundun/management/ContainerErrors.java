package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import app.rundun.management.RequestIds;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals Tomcat makes itself, before any filter runs (a malformed request line or path, headers
 * over the limit, bad framing, {@code TRACE}), answer the spec's JSON error body with a {@code
 * Request-Id} too, instead of Tomcat's HTML page.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      if (host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(JsonErrorReport.class.getName());
      }
    });
  }

  /** Tomcat's error report, written as the spec's error body. */
  public static final class JsonErrorReport extends ErrorReportValve {

    private static final JsonMapper JSON = app.rundun.contracts.json.Json.mapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      ApiException error = describe(status, throwable);
      String id = RequestIds.newId();
      try {
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(RequestIds.HEADER, id);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              JSON.writeValueAsString(
                  new ErrorBody(error.code().code(), error.getMessage(), null, id)));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client has gone or the response is already on its way: nothing more to say.
      }
    }

    static ApiException describe(int status, Throwable throwable) {
      String detail = throwable == null ? "" : String.valueOf(throwable.getMessage());
      if (status == 400 && detail.contains("too large")) {
        return ApiException.forStatus(431);
      }
      return ApiException.forStatus(status);
    }
  }
}
