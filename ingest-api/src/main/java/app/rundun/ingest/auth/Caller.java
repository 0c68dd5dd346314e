package app.rundun.ingest.auth;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** The organisation, mode and key name behind a request authenticated by an API key. */
public record Caller(OrgId orgId, Mode mode, String keyName) {

  /** The API key's caller of the request being served, if an API key authenticated it. */
  public static Optional<Caller> current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Caller caller
        ? Optional.of(caller)
        : Optional.empty();
  }
}
