package app.rundun.ingest.auth;

import app.rundun.contracts.organisations.OrgId;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** A member signed in to one run, from a valid {@code Rundun-Member} token. */
public record SignedInMember(OrgId orgId, String userId, String runId) {

  /** The member the request being served was authenticated as, if any. */
  public static Optional<SignedInMember> current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SignedInMember m
        ? Optional.of(m)
        : Optional.empty();
  }
}
