package app.rundun.ingest.auth;

import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.ApiKeyScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a credential lets its holder do; the path rules of {@link SecurityWiring} ask for these. */
enum Authorities {
  /** An integrator's API key: the public API of its organisation and mode. */
  API_KEY,
  /** The operator token: the admin API. */
  OPERATOR,
  /** A member's sign-in token: acting on the one run it names. */
  MEMBER,
  /** An API key without restrictions: it may also manage the organisation's keys. */
  KEY_ADMIN;

  GrantedAuthority granted() {
    return new SimpleGrantedAuthority(name());
  }

  /** The authority of a restricted key's scope, e.g. {@code SCOPE_runs:write}. */
  static String scope(ApiKeyScope scope) {
    return "SCOPE_" + scope.wire();
  }

  /** What the API key may do: every scope and key management when it is unrestricted. */
  static List<GrantedAuthority> of(ApiKeyRecord key) {
    List<GrantedAuthority> granted = new ArrayList<>();
    granted.add(API_KEY.granted());
    if (key.unrestricted()) {
      granted.add(KEY_ADMIN.granted());
    }
    for (ApiKeyScope scope : key.unrestricted() ? List.of(ApiKeyScope.values()) : key.scopes()) {
      granted.add(new SimpleGrantedAuthority(scope(scope)));
    }
    return granted;
  }
}
