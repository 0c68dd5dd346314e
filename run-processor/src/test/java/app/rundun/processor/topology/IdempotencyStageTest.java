package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.idempotency.ClaimOutcome;
import app.rundun.contracts.idempotency.ClaimOutcome.State;
import app.rundun.contracts.idempotency.IdempotencyCommand.Claim;
import app.rundun.contracts.idempotency.IdempotencyCommand.Complete;
import app.rundun.contracts.idempotency.IdempotencyCommand.Release;
import app.rundun.processor.idempotency.IdempotencyStage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotencyStageTest {

  private static final String SCOPE = "org/o-1/live";
  private static final String CREATE = "sha-of-the-create-request";
  private static final String BODY = "{\"run_id\":\"r-1\"}";

  private final TopologyHarness harness = new TopologyHarness();

  /** A claim as the API sends it: it waits 10 s for the answer. */
  private Claim claim(String scope, String key, String requestHash) {
    return new Claim(scope, key, requestHash, harness.now().plusSeconds(10));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void tellsASecondRequestWithTheKeyThatTheFirstIsStillInFlight() {
    assertThat(harness.claim(claim(SCOPE, "k-1", CREATE)).state()).isEqualTo(State.CLAIMED);

    assertThat(harness.claim(claim(SCOPE, "k-1", CREATE)).state()).isEqualTo(State.IN_FLIGHT);
  }

  @Test
  void replaysTheFirstResponseToEveryRetryForADay() {
    harness.claim(claim(SCOPE, "k-1", CREATE));
    harness.settle(new Complete(SCOPE, "k-1", CREATE, 201, BODY));

    harness.advance(Duration.ofHours(23));
    ClaimOutcome retry = harness.claim(claim(SCOPE, "k-1", CREATE));

    assertThat(retry).isEqualTo(ClaimOutcome.done(201, BODY));
  }

  @Test
  void refusesTheKeyForARequestWithOtherParameters() {
    harness.claim(claim(SCOPE, "k-1", CREATE));
    harness.settle(new Complete(SCOPE, "k-1", CREATE, 201, BODY));

    assertThat(harness.claim(claim(SCOPE, "k-1", "sha-of-another-request")).state())
        .isEqualTo(State.OTHER_REQUEST);
  }

  @Test
  void keysAreScopedToTheirOwner() {
    harness.claim(claim(SCOPE, "k-1", CREATE));

    assertThat(harness.claim(claim("org/o-2/live", "k-1", CREATE)).state())
        .isEqualTo(State.CLAIMED);
    assertThat(harness.claim(claim("org/o-1/test", "k-1", CREATE)).state())
        .isEqualTo(State.CLAIMED);
  }

  @Test
  void aReleasedKeyRunsTheRequestAgainAtOnce() {
    harness.claim(claim(SCOPE, "k-1", CREATE));
    harness.settle(new Release(SCOPE, "k-1", CREATE));

    assertThat(harness.claim(claim(SCOPE, "k-1", CREATE)).state()).isEqualTo(State.CLAIMED);
  }

  @Test
  void aClaimNobodyFinishesFreesTheKeyAfterHalfAMinute() {
    harness.claim(claim(SCOPE, "k-1", CREATE));

    harness.advance(Duration.ofSeconds(29));
    assertThat(harness.claim(claim(SCOPE, "k-1", CREATE)).state()).isEqualTo(State.IN_FLIGHT);
    harness.advance(Duration.ofSeconds(1));
    assertThat(harness.claim(claim(SCOPE, "k-1", CREATE)).state()).isEqualTo(State.CLAIMED);
  }

  @Test
  void aClaimThatArrivesAfterItsRequestGaveUpIsIgnored() {
    Claim late = claim(SCOPE, "k-1", CREATE);
    harness.advanceCommandClock(Duration.ofSeconds(11));
    harness.settle(late);

    assertThat(harness.claim(claim(SCOPE, "k-1", CREATE)).state()).isEqualTo(State.CLAIMED);
  }

  @Test
  void onlyTheRequestHoldingTheKeyCompletesIt() {
    harness.claim(claim(SCOPE, "k-1", CREATE));
    harness.settle(new Complete(SCOPE, "k-1", "sha-of-another-request", 400, "{}"));
    harness.settle(new Complete(SCOPE, "k-1", CREATE, 201, BODY));
    harness.settle(new Complete(SCOPE, "k-1", CREATE, 500, "{}"));

    assertThat(harness.claim(claim(SCOPE, "k-1", CREATE))).isEqualTo(ClaimOutcome.done(201, BODY));
  }

  @Test
  void forgetsAKeyADayAfterItsResponse() {
    harness.claim(claim(SCOPE, "k-1", CREATE));
    harness.settle(new Complete(SCOPE, "k-1", CREATE, 201, BODY));

    harness.advance(Duration.ofHours(24).plusMinutes(1));

    assertThat(harness.<Object>store(IdempotencyStage.STORE).get(SCOPE + "|k-1")).isNull();
    assertThat(harness.claim(claim(SCOPE, "k-1", "sha-of-another-request")).state())
        .isEqualTo(State.CLAIMED);
  }
}
