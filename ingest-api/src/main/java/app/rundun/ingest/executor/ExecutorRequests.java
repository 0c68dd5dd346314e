package app.rundun.ingest.executor;

import app.rundun.contracts.runs.GeoPoint;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The bodies of the executor's calls. */
final class ExecutorRequests {

  private ExecutorRequests() {}

  /** Opening a run; name and email are needed when the template asks for an external executor. */
  record Open(String name, String email) {}

  /** A member signing in to the run. */
  record SignIn(String email, String password) {}

  /** An answer: the value of the step's type, the ids of uploaded photos, and the location. */
  record Answer(JsonNode value, List<String> photos, GeoPoint geo) {}
}
