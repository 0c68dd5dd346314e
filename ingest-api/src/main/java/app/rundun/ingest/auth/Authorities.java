package app.rundun.ingest.auth;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a credential lets its holder do; the path rules of {@link SecurityWiring} ask for these. */
enum Authorities {
  /** An integrator's API key: the public API of its organisation and mode. */
  API_KEY,
  /** The operator token: the admin API. */
  OPERATOR,
  /** A member's sign-in token: acting on the one run it names. */
  MEMBER;

  GrantedAuthority granted() {
    return new SimpleGrantedAuthority(name());
  }
}
