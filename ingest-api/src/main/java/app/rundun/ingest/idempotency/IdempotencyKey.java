package app.rundun.ingest.idempotency;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.idempotency.IdempotencyKeys;
import app.rundun.contracts.organisations.Mode;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code Idempotency-Key} of a create, for the create-time guard in org-stage: the key with the
 * digest {@link IdempotentPosts} made of the request when it claimed the key, so both guards judge
 * "the same request" by one digest.
 */
public final class IdempotencyKey {

  static final String DIGEST_ATTRIBUTE = IdempotencyKey.class.getName() + ".digest";

  private IdempotencyKey() {}

  /** Null for a request without the header. */
  public static OrgCommand.Idempotency of(HttpServletRequest request, Mode mode) {
    String key = request.getHeader(IdempotencyKeys.HEADER);
    if (key == null) {
      return null;
    }
    if (!(request.getAttribute(DIGEST_ATTRIBUTE) instanceof String digest)) {
      throw new IllegalStateException("A request with an Idempotency-Key is claimed first");
    }
    return new OrgCommand.Idempotency(key, mode, digest);
  }
}
