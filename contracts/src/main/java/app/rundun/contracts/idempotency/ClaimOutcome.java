package app.rundun.contracts.idempotency;

/** The answer to a claim: go ahead, wait, wrong parameters, or the response to replay. */
public record ClaimOutcome(State state, Integer status, String body) {

  /** Where the key stands. */
  public enum State {
    /** First use (or the earlier use was abandoned): run the request. */
    CLAIMED,
    /** The first request with the key has not finished: 409. */
    IN_FLIGHT,
    /** The key was used for a different request: 400. */
    OTHER_REQUEST,
    /** The first request finished: replay its response. */
    DONE
  }

  public static ClaimOutcome of(State state) {
    return new ClaimOutcome(state, null, null);
  }

  public static ClaimOutcome done(int status, String body) {
    return new ClaimOutcome(State.DONE, status, body);
  }
}
