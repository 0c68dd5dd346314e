package app.rundun.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.ApiKeyScope;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/** What an API key lets its holder do. */
class AuthoritiesTest {

  private static final OrgId ORG = new OrgId("org-0f8fad5b-d9cb-469f-a165-70867728950e");

  @Test
  void aKeyWithFullAccessHasEveryScopeAndManagesKeys() {
    assertThat(names(key(null)))
        .containsExactly(
            "API_KEY",
            "KEY_ADMIN",
            "SCOPE_runs:read",
            "SCOPE_runs:write",
            "SCOPE_templates:write",
            "SCOPE_webhooks:write",
            "SCOPE_members:write");
  }

  @Test
  void aRestrictedKeyHasItsScopesOnlyAndDoesNotManageKeys() {
    assertThat(names(key(List.of(ApiKeyScope.RUNS_READ))))
        .containsExactly("API_KEY", "SCOPE_runs:read");
  }

  @Test
  void aKeyRestrictedToNothingIsStillAnApiKeyButMayDoNothingScoped() {
    assertThat(names(key(List.of()))).containsExactly("API_KEY");
  }

  private static ApiKeyRecord key(List<ApiKeyScope> scopes) {
    return new ApiKeyRecord("k-1", ORG, Mode.LIVE, "CI", Plan.STARTER, scopes, null);
  }

  private static List<String> names(ApiKeyRecord key) {
    return Authorities.of(key).stream().map(GrantedAuthority::getAuthority).toList();
  }
}
