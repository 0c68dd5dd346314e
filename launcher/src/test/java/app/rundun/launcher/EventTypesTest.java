package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            "run.expired",
            "template.created",
            "template.updated",
            "webhook_endpoint.disabled");

    // Step 2: each schema is served to anyone, byte for byte the one in docs/events, its $id the
    // schema_id that each event of the type carries as its dataschema.
    for (JsonNode type : list.get("data")) {
      String name = type.get("type").asString();
      assertThat(type.get("object").asString()).isEqualTo("event_type");
      assertThat(type.get("version").asString()).isEqualTo("v1");
      assertThat(type.get("topic").asString())
          .isEqualTo(
              name.startsWith("template.")
                  ? "rundun.template-events"
                  : name.startsWith("webhook_endpoint.")
                      ? "rundun.account-events"
                      : "rundun.run-events");
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

    // Step 3: the two run types added after integrations were built reach a run's webhook only
    // when it lists them; template and account events are on their topics only.
    Map<String, List<String>> byWebhooks = new java.util.TreeMap<>();
    list.get("data")
        .forEach(type ->
            byWebhooks
                .computeIfAbsent(type.get("webhooks").asString(), k -> new ArrayList<>())
                .add(type.get("type").asString()));
    assertThat(byWebhooks.get("when_listed")).containsExactly("run.created", "step.skipped");
    assertThat(byWebhooks.get("never"))
        .containsExactly("template.created", "template.updated", "webhook_endpoint.disabled");
    assertThat(byWebhooks.get("by_default")).hasSize(7);

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

  @Test
  void eachTemplateVersionIsOnTheTemplateTopicValidAgainstItsSchema() throws Exception {
    Api integrator = TestSystem.newOrganisation("team");

    // Step 1: a template with every step type, then a second version with one step fewer.
    String templateId =
        integrator
            .post(
                "/v1/templates",
                Map.of("name", "Every step", "steps", RunJourneyTest.EVERY_STEP_TYPE))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    JsonNode second =
        integrator
            .put(
                "/v1/templates/" + templateId,
                Map.of(
                    "name",
                    "Every step but one",
                    "steps",
                    RunJourneyTest.EVERY_STEP_TYPE.subList(1, 12),
                    "execution",
                    Map.of("identity_required", "external")))
            .expect(200)
            .json();

    // Step 2: both versions on rundun.template-events, keyed by the template, in order, each the
    // template as the API shows it and valid against its type's schema.
    List<JsonNode> events =
        RunEvents.committed(
                "rundun.template-events",
                record -> templateId.equals(record.key()),
                2,
                Duration.ofSeconds(20))
            .stream()
            .map(RunEvents::json)
            .toList();
    assertThat(events)
        .extracting(event -> event.get("type").asString())
        .containsExactly("template.created", "template.updated");
    assertThat(events.get(0).get("data").get("steps")).hasSize(12);
    assertThat(events.get(1).get("data")).isEqualTo(second);
    assertThat(events.get(1).get("rundunorg").asString()).isEqualTo(integrator.orgId());
    for (JsonNode event : events) {
      RunEvents.validate(event);
    }
  }
}
