package app.rundun.ingest.usage;

import app.rundun.contracts.organisations.UsageResource;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/usage}. */
@RestController
class UsageController {

  private final ProcessorQueries queries;

  UsageController(ProcessorQueries queries) {
    this.queries = queries;
  }

  @GetMapping(path = "/v1/usage", produces = MediaType.APPLICATION_JSON_VALUE)
  UsageResource usage(Caller caller, HttpServletResponse response) {
    return queries.usage(caller.orgId(), caller.mode()).shownOn(response);
  }
}
