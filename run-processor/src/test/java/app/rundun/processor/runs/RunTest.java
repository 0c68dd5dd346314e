package app.rundun.processor.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.runs.CancelledBy;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.templates.BooleanStep;
import app.rundun.contracts.templates.Execution;
import app.rundun.contracts.templates.NumberStep;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.templates.TextStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/** A run's rules on their own: each transition says what happened, or refuses. */
class RunTest {

  private static final String PHONE = "device-aaaaaaaaaaaaaaaa";
  private static final Instant DISPATCHED = Instant.parse("2026-12-02T08:00:00Z");

  private final TemplateResource version =
      new TemplateResource(
          TemplateId.mint(),
          1,
          "Vehicle check",
          List.of(
              new NumberStep(
                  "s-od01", "Odometer", null, null, null, null, null, null, null, "km", null),
              new BooleanStep("s-ok", "Clean?", null, null, null, null, null),
              new TextStep("s-note", "Notes", null, false, null, null, null, null, null)),
          Execution.DEFAULT,
          DISPATCHED);

  @Test
  void openingAPendingRunIsAnnouncedAndOpeningItAgainChangesNothing() {
    RunChange opened = dispatched(null).open(open(PHONE), DISPATCHED.plusSeconds(5));

    assertThat(opened).isInstanceOf(RunChange.Announced.class);
    assertThat(((RunChange.Announced) opened).event()).isEqualTo(RunEventType.RUN_OPENED);
    assertThat(opened.run().status()).isEqualTo(RunStatus.IN_PROGRESS);
    assertThat(opened.run().updatedAt()).isEqualTo(DISPATCHED.plusSeconds(5));

    RunChange again = opened.run().open(open(PHONE), DISPATCHED.plusSeconds(9));
    assertThat(again).isEqualTo(new RunChange.Unchanged(opened.run()));
  }

  @Test
  void answersAreKeptInStepOrderWhateverOrderTheyCameIn() {
    Run run = inProgress();
    run = answer(run, "s-note", StringNode.valueOf("scratch")).run();
    RunChange answered = answer(run, "s-od01", IntNode.valueOf(42150));

    assertThat(answered).isEqualTo(new RunChange.Answered(answered.run(), "s-od01", List.of()));
    assertThat(answered.announcements())
        .containsExactly(new RunChange.Announcement(RunEventType.STEP_COMPLETED, "s-od01"));
    assertThat(answered.run().answers().keySet()).containsExactly("s-od01", "s-note");
  }

  @Test
  void skippingIsAnnouncedAndSubmittingSkipsWhatIsLeftOptionalWithoutAnEventEach() {
    Run run = inProgress();
    RunChange skipped = run.skip(version, "s-note", DISPATCHED.plusSeconds(20));
    assertThat(skipped).isInstanceOf(RunChange.Skipped.class);
    assertThat(skipped.announcements())
        .containsExactly(new RunChange.Announcement(RunEventType.STEP_SKIPPED, "s-note"));

    run = answer(skipped.run(), "s-od01", IntNode.valueOf(1)).run();
    run = answer(run, "s-ok", BooleanNode.TRUE).run();
    RunChange submitted = run.submit(version, DISPATCHED.plusSeconds(60));

    assertThat(((RunChange.Announced) submitted).event()).isEqualTo(RunEventType.RUN_COMPLETED);
    assertThat(submitted.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(submitted.run().completedAt()).isEqualTo(DISPATCHED.plusSeconds(60));
    assertThat(submitted.run().skipped()).containsExactly("s-note");
  }

  @Test
  void aRequiredStepCannotBeSkippedNorLeftOpenAtSubmit() {
    Run run = inProgress();
    assertThatThrownBy(() -> run.skip(version, "s-ok", DISPATCHED.plusSeconds(20)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.param()).isEqualTo("step_id"));
    assertThatThrownBy(() -> run.submit(version, DISPATCHED.plusSeconds(20)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void aPatchThatChangesNothingIsUnchangedAndOneThatDoesIsAnnounced() {
    Run run = dispatched(null);
    RunCommand.RunChanges same = new RunCommand.RunChanges(null, null, Map.of());
    assertThat(run.update(same, DISPATCHED.plusSeconds(1))).isEqualTo(new RunChange.Unchanged(run));

    RunChange changed =
        run.update(
            new RunCommand.RunChanges(null, "booking-7", Map.of()), DISPATCHED.plusSeconds(1));
    assertThat(((RunChange.Announced) changed).event()).isEqualTo(RunEventType.RUN_UPDATED);
    assertThat(changed.run().executorRef()).isEqualTo("booking-7");
  }

  @Test
  void whoCancelledIsKept() {
    RunChange byExecutor = inProgress().exit(DISPATCHED.plusSeconds(30));
    RunChange byIntegrator = dispatched(null).cancel("Booking moved", DISPATCHED.plusSeconds(30));

    assertThat(byExecutor.run().cancelledBy()).isEqualTo(CancelledBy.EXECUTOR);
    assertThat(byIntegrator.run().cancelledBy()).isEqualTo(CancelledBy.INTEGRATOR);
    assertThat(byIntegrator.run().cancellationReason()).isEqualTo("Booking moved");
    assertThat(byIntegrator.run().finishedAt()).isEqualTo(DISPATCHED.plusSeconds(30));
  }

  @Test
  void aRunPastItsExpiryIsGoneForEveryChangeAndExpiresAtItsExpiry() {
    Instant expiry = DISPATCHED.plus(Duration.ofHours(1));
    Run run = dispatched(expiry);
    Instant late = expiry.plusSeconds(1);

    assertThatThrownBy(() -> run.open(open(PHONE), late))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(410));
    RunChange expired = run.expire(late);
    assertThat(((RunChange.Announced) expired).event()).isEqualTo(RunEventType.RUN_EXPIRED);
    assertThat(expired.run().finishedAt()).isEqualTo(expiry);
    assertThatThrownBy(() -> run.expire(expiry.minusSeconds(1)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void anotherDeviceCannotTakeOverARunInProgress() {
    Run run = inProgress();
    assertThatThrownBy(() -> run.requireHolder("device-bbbbbbbbbbbbbbbb", DISPATCHED))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(run.requireHolder(PHONE, DISPATCHED)).isSameAs(run);
  }

  private Run inProgress() {
    return dispatched(null).open(open(PHONE), DISPATCHED.plusSeconds(5)).run();
  }

  private RunChange answer(Run run, String step, tools.jackson.databind.JsonNode value) {
    return run.answer(
        version,
        new RunCommand.AnswerStep(run.id(), step, value, null, null, PHONE),
        DISPATCHED.plusSeconds(10));
  }

  private static RunCommand.OpenRun open(String holder) {
    return new RunCommand.OpenRun(RunId.mint(), null, null, null, holder);
  }

  private Run dispatched(Instant expiresAt) {
    return Dispatch.of(version, DISPATCHED).expiringAt(expiresAt).run();
  }
}
