package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorBody;
import app.rundun.management.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside a controller (by the container or a filter) get the same body. A request
 * the container refused before the filters ran (e.g. {@code TRACE}) is given its request id here.
 */
@RestController
class ErrorEndpoint implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ErrorBody> error(HttpServletRequest request, HttpServletResponse response) {
    Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = attribute instanceof Integer code ? code : 500;
    RequestIds.ensure(request, response);
    return ApiErrors.respond(ApiException.forStatus(status), request);
  }
}
