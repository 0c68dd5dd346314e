package app.rundun.management;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorBody;
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
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals Tomcat makes itself, before any filter runs (a malformed request line or path, headers
 * over the limit, bad framing, {@code TRACE}), answer the spec's JSON error body with a {@code
 * Request-Id} too, instead of Tomcat's HTML page: on every port of every service.
 */
final class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      if (host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(JsonErrorReport.class.getName());
      }
    });
  }

  /** Tomcat's error report, written as the spec's error body. Tomcat makes it by its name. */
  public static final class JsonErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      ApiException error = describe(status, throwable);
      try {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String id = RequestIds.ensure(request, response);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(JsonMapper.shared().writeValueAsString(ErrorBody.of(error, id)));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client has gone or the response is already on its way: nothing more to say.
      }
    }

    /** Tomcat says a request line or header over its limit with a 400 and these words. */
    private static ApiException describe(int status, Throwable throwable) {
      String detail = throwable == null ? "" : String.valueOf(throwable.getMessage());
      return ApiException.forStatus(status == 400 && detail.contains("too large") ? 431 : status);
    }
  }
}
