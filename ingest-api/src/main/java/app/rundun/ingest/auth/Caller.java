package app.rundun.ingest.auth;

import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The API key behind a request: its organisation, mode, name, and the plan that sets its limits.
 */
public record Caller(ApiKeyRecord key) {

  public Caller {
    Objects.requireNonNull(key, "key");
  }

  public OrgId orgId() {
    return key.orgId();
  }

  public Mode mode() {
    return key.mode();
  }

  /** The person or system using the key, shown as a run's {@code created_by_name}. */
  public String keyName() {
    return key.name();
  }

  public String keyId() {
    return key.keyId();
  }

  public Plan plan() {
    return key.planOrStarter();
  }

  /** The API key's caller of the request being served, if an API key authenticated it. */
  public static Optional<Caller> current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Caller caller
        ? Optional.of(caller)
        : Optional.empty();
  }
}
