package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An analytics team finds out what Rundun emits from the API itself: the catalogue of event types,
 * and each type's JSON Schema served as the documented one, by the URL every event names.
 */
class EventTypesTest {

  @Test
  void theCatalogueListsEveryTypeWithTheSchemaItsEventsName() throws Exception {
    Api integrator = TestSystem.newOrganisation("team");

    // Step 1: the catalogue, in the list shape, in the order a run goes through it.
    JsonNode list = integrator.get("/v1/event_types?limit=100").expect(200).json();
    assertThat(list.get("object").asString()).isEqualTo("list");
    assertThat(list.get("has_more").asBoolean()).isFalse();
    List<String> types = new ArrayList<>();
    list.get("data").forEach(type -> types.add(type.get("type").asString()));
    assertThat(types)
        .containsExactly(
            "run.created",
            "run.opened",
            "step.completed",
            "step.skipped",
            "step.hidden",
            "run.updated",
            "run.completed",
            "run.cancelled",
            "run.expired");

    // Step 2: each schema is served to anyone, byte for byte the one in docs/events, its $id the
    // schema_id that each event of the type carries as its dataschema.
    for (JsonNode type : list.get("data")) {
      String name = type.get("type").asString();
      assertThat(type.get("object").asString()).isEqualTo("event_type");
      assertThat(type.get("version").asString()).isEqualTo("v1");
      assertThat(type.get("topic").asString()).isEqualTo("rundun.run-events");
      assertThat(type.get("description").asString()).isNotBlank();
      String schemaUrl = type.get("schema_url").asString();
      assertThat(schemaUrl).endsWith("/schemas/events/" + name + "/v1.json");
      Api.Response schema = integrator.anonymous().get(URI.create(schemaUrl).getPath());
      schema.expect(200);
      assertThat(schema.header("Content-Type")).startsWith("application/schema+json");
      assertThat(schema.body())
          .isEqualTo(Files.readString(Path.of("..", "docs", "events", name + ".v1.schema.json")));
      assertThat(schema.json().get("$id").asString()).isEqualTo(type.get("schema_id").asString());
    }

    // Step 3: the two types added after integrations were built reach a webhook only when asked.
    List<String> optIn = new ArrayList<>();
    list.get("data")
        .forEach(type -> {
          if (!type.get("delivered_by_default").asBoolean()) {
            optIn.add(type.get("type").asString());
          }
        });
    assertThat(optIn).containsExactly("run.created", "step.skipped");

    // Step 4: pages like every list; what does not exist is 404, what it does not take is 400.
    JsonNode firstTwo = integrator.get("/v1/event_types?limit=2").expect(200).json();
    assertThat(firstTwo.get("has_more").asBoolean()).isTrue();
    integrator
        .get("/v1/event_types?starting_after=run.opened&limit=1")
        .expect(200)
        .json()
        .get("data")
        .forEach(type -> assertThat(type.get("type").asString()).isEqualTo("step.completed"));
    integrator.get("/v1/event_types?type=run.created").expectError(400, "invalid_request", "type");
    integrator
        .anonymous()
        .get("/schemas/events/run.paused/v1.json")
        .expectError(404, "not_found", null);
    integrator
        .anonymous()
        .get("/schemas/events/run.created/v9.json")
        .expectError(404, "not_found", null);
    integrator.anonymous().get("/v1/event_types").expectError(401, "unauthorized", null);
  }
}
