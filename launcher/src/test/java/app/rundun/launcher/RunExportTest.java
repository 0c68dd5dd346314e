package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.templates.TemplateResource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A template's 10,000 runs exported three ways over real HTTP and read back by parsers other than
 * the ones that wrote them: NDJSON line by line, CSV by Jackson's CSV reader, GeoJSON as JSON.
 */
class RunExportTest {

  private static final int RUNS = 10_000;
  private static final int LOCATED = 100;

  @Test
  void tenThousandRunsExportAsNdjsonCsvAndGeoJson() throws Exception {
    // Step 1: 10,000 runs of one template (odometer and fuel prefilled), 100 of them answered on
    // site with a location, and runs of another template that must not appear.
    Api test = TestSystem.newOrganisationWithModes("team")[1];
    String template = template(test, "Vehicle check");
    String other = template(test, "Something else");
    List<String> runs = seed(test, template, RUNS);
    String exports = "/v1/templates/" + template + "/runs.";
    // Looked at every 2 s: each look is itself a 10,000-run export.
    Eventually.until(
        "the seeded runs in the list",
        Duration.ofSeconds(180),
        Duration.ofSeconds(2),
        () -> lines(test.download(exports + "csv")).size() - 1,
        listed -> listed == RUNS);
    for (int i = 0; i < 20; i++) {
      test.post("/v1/runs", Map.of("template_id", other)).expect(201);
    }
    Api phone = test.anonymous();
    for (String runId : runs.subList(0, LOCATED)) {
      String run = "/v1/executor/runs/" + runId;
      phone.post(run + "/open", Map.of()).expect(200);
      phone
          .put(
              run + "/steps/s-site/answer",
              Map.of("value", "Depot", "geo", Map.of("lat", 51.5, "lng", -0.12, "accuracy_m", 8)))
          .expect(200);
    }
    Eventually.until(
        "the located answers in the list",
        Duration.ofSeconds(30),
        () -> Json.mapper().readTree(test.download(exports + "geojson").body()).get("features"),
        features -> features.size() == LOCATED);

    // Step 2: NDJSON, one run object per line, each run once.
    List<String> ndjson = lines(test.download(exports + "ndjson"));
    Set<String> seen = new HashSet<>();
    for (String line : ndjson) {
      JsonNode run = Json.mapper().readTree(line);
      assertThat(run.get("template_id").asString()).isEqualTo(template);
      seen.add(run.get("run_id").asString());
    }
    assertThat(seen).hasSize(RUNS).containsAll(runs);

    // Step 3: CSV, a row per run and a column per step, read back by another CSV parser.
    HttpResponse<byte[]> csv = test.download(exports + "csv");
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> read =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(new String(csv.body(), StandardCharsets.UTF_8))) {
      read.forEachRemaining(rows::add);
    }
    assertThat(rows).hasSize(RUNS);
    assertThat(rows.getFirst().keySet())
        .contains("run_id", "status", "template_v", "s-od01", "s-fu01", "s-site", "s-site.lat");
    assertThat(rows.stream().map(row -> row.get("s-od01")).distinct()).hasSize(RUNS);
    assertThat(rows.stream().filter(row -> !row.get("s-site.lat").isEmpty())).hasSize(LOCATED);

    // Step 4: GeoJSON, one point per located answer, longitude first.
    JsonNode geo = Json.mapper().readTree(test.download(exports + "geojson").body());
    assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(geo.get("features")).hasSize(LOCATED);
    JsonNode feature = geo.get("features").get(0);
    assertThat(feature.get("geometry").get("coordinates").toString()).isEqualTo("[-0.12,51.5]");
    assertThat(feature.get("properties").get("step_id").asString()).isEqualTo("s-site");

    // Step 5: filtered like the runs list; paging and unknown parameters are refused.
    assertThat(lines(test.download(exports + "ndjson?status=in_progress"))).hasSize(LOCATED);
    test.get(exports + "csv?limit=5").expectError(400, "invalid_request", "limit");
    test.get(exports + "csv?colour=red").expectError(400, "invalid_request", "colour");
    test.get("/v1/templates/t-00000000-0000-4000-8000-000000000000/runs.csv")
        .expectError(404, "not_found", null);
  }

  private static String template(Api api, String name) {
    return api.post(
            "/v1/templates",
            Map.of(
                "name",
                name,
                "steps",
                List.of(
                    Map.of("id", "s-od01", "type", "number", "title", "Odometer", "unit", "km"),
                    Map.of(
                        "id",
                        "s-fu01",
                        "type",
                        "single_choice",
                        "title",
                        "Fuel",
                        "options",
                        List.of(
                            Map.of("id", "o-fu1", "label", "Full"),
                            Map.of("id", "o-fu2", "label", "Half"))),
                    Map.of("id", "s-site", "type", "text", "title", "Site", "geo", "optional"))))
        .expect(201)
        .json()
        .get("template_id")
        .asString();
  }

  /** Runs put straight onto the run commands, odometer and fuel prefilled: seconds, not minutes. */
  private static List<String> seed(Api api, String templateId, int count) {
    TemplateResource template =
        Json.mapper()
            .readValue(
                api.get("/v1/templates/" + templateId).expect(200).body(), TemplateResource.class);
    RunSeeder.Seed seed = new RunSeeder.Seed(new OrgId(api.orgId()), Mode.TEST, template);
    List<String> ids = new ArrayList<>();
    try (RunSeeder seeder = new RunSeeder(TestSystem.get().bootstrapServers())) {
      for (int i = 0; i < count; i++) {
        int odometer = 10_000 + i;
        Map<String, Prefill> prefill =
            Map.of(
                "s-od01", new Prefill(IntNode.valueOf(odometer), true),
                "s-fu01", new Prefill(StringNode.valueOf(i % 2 == 0 ? "o-fu1" : "o-fu2"), false));
        ids.add(seeder.start(seed, "booking-" + i, prefill, i + 1).value());
      }
    }
    return ids;
  }

  private static List<String> lines(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    return body.isEmpty() ? List.of() : List.of(body.split("\n"));
  }
}
