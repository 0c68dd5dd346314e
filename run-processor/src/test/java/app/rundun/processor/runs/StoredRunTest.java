package app.rundun.processor.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.templates.Execution;
import app.rundun.contracts.templates.NumberStep;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run and its rendered view in one record, and runs stored by earlier versions, read alike. */
class StoredRunTest {

  private static final Instant DISPATCHED = Instant.parse("2026-12-04T08:00:00Z");

  private final Run run = dispatched();

  @Test
  void keepsTheRunAndItsViewApart() {
    byte[] json = "{\"run_id\":\"r-1\",\"status\":\"pending\"}".getBytes(StandardCharsets.UTF_8);
    RenderedRun view = RenderedRun.of(run, json);

    StoredRun stored = roundTrip(StoredRun.of(run, view));

    assertThat(stored.view()).contains(view);
    assertThat(stored.run()).isEqualTo(run);
  }

  @Test
  void aRunStoredByAnEarlierVersionIsItsJsonAloneAndHasNoView() {
    byte[] earlier = Json.mapper().writeValueAsBytes(run);

    StoredRun stored = StoredRun.SERDE.deserializer().deserialize("runs", earlier);

    assertThat(stored.run()).isEqualTo(run);
    assertThat(stored.view()).isEmpty();
  }

  @Test
  void bytesOfNoKnownFormatAreRefused() {
    byte[] other = {7, 0, 0, 0, 1, 'x'};
    byte[] viewLongerThanTheRecord = {1, 0, 0, 0, 9, 'x'};

    assertThatThrownBy(() -> StoredRun.SERDE.deserializer().deserialize("runs", other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 7");
    assertThatThrownBy(
            () -> StoredRun.SERDE.deserializer().deserialize("runs", viewLongerThanTheRecord))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9 bytes");
  }

  private static StoredRun roundTrip(StoredRun stored) {
    byte[] bytes = StoredRun.SERDE.serializer().serialize("runs", stored);
    return StoredRun.SERDE.deserializer().deserialize("runs", bytes);
  }

  private static Run dispatched() {
    TemplateResource version =
        new TemplateResource(
            TemplateId.mint(),
            1,
            "Vehicle check",
            List.of(
                new NumberStep(
                    "s-od01", "Odometer", null, null, null, null, null, null, null, "km", null)),
            Execution.DEFAULT,
            DISPATCHED);
    return Dispatch.of(version, DISPATCHED).expiringAt(DISPATCHED.plusSeconds(3_600)).run();
  }
}
