package app.rundun.contracts.idempotency;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A step in the life of one {@code Idempotency-Key}, keyed by {@link #recordKey()} on {@code
 * rundun.idempotency}: claimed before the request runs, then completed with the response to replay,
 * or released when the outcome is unknown (a 5xx) so that a retry runs the request again.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = IdempotencyCommand.Claim.class, name = "claim"),
  @JsonSubTypes.Type(value = IdempotencyCommand.Complete.class, name = "complete"),
  @JsonSubTypes.Type(value = IdempotencyCommand.Release.class, name = "release")
})
public sealed interface IdempotencyCommand {

  /**
   * Whose key it is: {@code org/{org}/{mode}} for an API key, {@code run/{run}} for an executor.
   */
  String scope();

  /** The caller's {@code Idempotency-Key}. */
  String key();

  /** A digest of the request: method, path and body. */
  String requestHash();

  @JsonIgnore
  default String recordKey() {
    return scope() + "|" + key();
  }

  /**
   * Before the request runs. {@code answerBy} is when the API stops waiting for the answer: a claim
   * that reaches the stage later (a crashed or rebalancing processor held it up) is ignored, since
   * its request already answered 503 and will not complete it.
   */
  record Claim(String scope, String key, String requestHash, Instant answerBy)
      implements IdempotencyCommand {}

  /** After it ran: the response every retry with the key gets for 24 hours. */
  record Complete(String scope, String key, String requestHash, int status, String body)
      implements IdempotencyCommand {}

  /** After it ended without a known outcome: the key may be used again at once. */
  record Release(String scope, String key, String requestHash) implements IdempotencyCommand {}
}
