package app.rundun.launcher;

import java.util.List;
import java.util.Map;

/** The seed's vehicle check, as the Runs API page answers it: the steps the tests build on. */
final class Fixtures {

  /** Odometer (number, km), fuel (single choice), damage (boolean), areas (multi, photo, geo). */
  static final List<Map<String, Object>> VEHICLE_CHECK_STEPS =
      List.of(
          Map.of(
              "id",
              "s-od01",
              "type",
              "number",
              "title",
              "Odometer reading",
              "unit",
              "km",
              "min",
              0,
              "integer",
              true),
          Map.of(
              "id",
              "s-fu01",
              "type",
              "single_choice",
              "title",
              "Fuel level",
              "options",
              List.of(
                  Map.of("id", "o-fu1", "label", "Full"), Map.of("id", "o-fu2", "label", "Half"))),
          Map.of("id", "s-dm01", "type", "boolean", "title", "Any damage?"),
          Map.of(
              "id",
              "s-dm02",
              "type",
              "multi_choice",
              "title",
              "Damaged areas",
              "options",
              List.of(
                  Map.of("id", "o-dm1", "label", "Front"),
                  Map.of("id", "o-dm2", "label", "Side"),
                  Map.of("id", "o-dm3", "label", "Rear")),
              "photos",
              Map.of("min", 1, "max", 3),
              "geo",
              "required"));

  private Fixtures() {}

  /** Creates the template (a map or raw JSON) with the key; returns its id. */
  static String template(Api live, Object template) {
    return live.post("/v1/templates", template).expect(201).json().get("template_id").asString();
  }

  /** Creates a template of one yes/no step {@code s-1}; returns its id. */
  static String oneStepTemplate(Api live, String name) {
    return template(
        live,
        Map.of(
            "name",
            name,
            "steps",
            List.of(Map.of("id", "s-1", "type", "boolean", "title", "Ok?"))));
  }

  /** One number step, {@code s-od01}: the odometer of the seed, the smallest whole run. */
  static final List<Map<String, Object>> ODOMETER_STEP =
      List.of(Map.of("id", "s-od01", "type", "number", "title", "Odometer"));

  /** The executor opens, answers and submits a run of {@link #ODOMETER_STEP}. */
  static void completeOdometerRun(Api executor, String runId) {
    String run = "/v1/executor/runs/" + runId;
    executor.post(run + "/open", Map.of()).expect(200);
    executor.put(run + "/steps/s-od01/answer", Map.of("value", 42150)).expect(200);
    executor.post(run + "/submit", Map.of()).expect(200);
  }

  /** Dispatches a plain run of the template; returns its id. */
  static String dispatch(Api live, String templateId) {
    return live.post("/v1/runs", Map.of("template_id", templateId))
        .expect(201)
        .json()
        .get("run_id")
        .asString();
  }
}
