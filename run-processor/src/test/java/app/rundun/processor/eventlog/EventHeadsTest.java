package app.rundun.processor.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventHeadsTest {

  private final RunId run = RunId.mint();
  private final OrgId org = OrgId.mint();

  @Test
  void aPointerCarriesTheAttributesOfTheEventAndWhereItLies() {
    RunEvent event = event("{\"id\": \"r-other\", \"steps\": [{\"type\": \"photo\"}], \"x\": 1}");

    EventPointer pointer =
        EventHeads.pointer(Topics.RUN_EVENTS.serializeValue(event), 3, 42L).orElseThrow();

    assertThat(pointer)
        .isEqualTo(
            new EventPointer(
                event.id(), "step.completed", run, org, Mode.TEST, event.time(), 3, 42L));
  }

  @Test
  void whatIsNotARunEventGivesNoPointer() {
    assertThat(EventHeads.pointer(bytes("[1, 2]"), 0, 0)).isEmpty();
    assertThat(EventHeads.pointer(bytes("{\"id\": \"e-1\""), 0, 0)).as("cut short").isEmpty();
    assertThat(EventHeads.pointer(bytes("{\"id\": \"e-1\", \"type\": \"run.created\"}"), 0, 0))
        .as("without its run and organisation")
        .isEmpty();
  }

  private RunEvent event(String data) {
    return new RunEvent(
        RunEvent.SPEC_VERSION,
        "e-" + java.util.UUID.randomUUID(),
        RunEvent.SOURCE,
        "step.completed",
        run.value(),
        Instant.parse("2026-12-02T10:15:30Z"),
        "application/json",
        null,
        org.value(),
        "test",
        Json.mapper().readTree(data));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
