package app.rundun.management;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The error page of a service that has none of its own (the dispatcher, whose port is its
 * management port; the run-processor's internal API): the spec's error body whatever the client
 * accepts, instead of Spring Boot's HTML page for a browser.
 */
@RestController
final class ErrorEndpoint implements ErrorController {

  private final ErrorAttributes errors;

  ErrorEndpoint(ErrorAttributes errors) {
    this.errors = errors;
  }

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Map<String, Object>> error(
      HttpServletRequest request, HttpServletResponse response) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return ResponseEntity.status(status instanceof Integer code ? code : 500)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            errors.getErrorAttributes(
                new ServletWebRequest(request, response), ErrorAttributeOptions.defaults()));
  }
}
