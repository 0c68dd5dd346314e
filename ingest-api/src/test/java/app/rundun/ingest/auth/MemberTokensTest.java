package app.rundun.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.organisations.OrgId;
import app.rundun.ingest.IngestProperties;
import app.rundun.ingest.MovingClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A member's invite and sign-in tokens: signed, scoped and expiring, checked without state. */
class MemberTokensTest {

  private static final OrgId ORG = new OrgId("org-0f8fad5b-d9cb-469f-a165-70867728950e");
  private static final String RUN = "r-7c9e6679-7425-40de-944b-e07fc1f90ae7";
  private static final String OTHER_RUN = "r-16fd2706-8baf-433b-82eb-8c7fada847da";

  private final MovingClock clock = new MovingClock();
  private final MemberTokens tokens = new MemberTokens(secret("member-secret"), clock);

  @Test
  void aSignInNamesItsMemberForItsRunOnly() {
    String token = tokens.signIn(ORG, "u-1", RUN);

    assertThat(tokens.verify(token, RUN)).contains(new MemberTokens.Claims(ORG, "u-1", RUN));
    assertThat(tokens.verify(token, OTHER_RUN)).isEmpty();
    assertThat(tokens.verify(token, "invite")).isEmpty();
  }

  @Test
  void anInviteIsNotASignIn() {
    String invite = tokens.invite(ORG, "u-1");

    assertThat(tokens.verify(invite, "invite")).isPresent();
    assertThat(tokens.verify(invite, RUN)).isEmpty();
  }

  @Test
  void aSignInLastsTwelveHoursAndAnInviteSevenDays() {
    String signIn = tokens.signIn(ORG, "u-1", RUN);
    String invite = tokens.invite(ORG, "u-1");

    clock.advance(Duration.ofHours(12));
    assertThat(tokens.verify(signIn, RUN)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.verify(signIn, RUN)).isEmpty();

    clock.advance(Duration.ofDays(7).minusHours(12).minusSeconds(1));
    assertThat(tokens.verify(invite, "invite")).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.verify(invite, "invite")).isEmpty();
  }

  @Test
  void aTokenChangedOrSignedWithAnotherSecretIsRefused() {
    String token = tokens.signIn(ORG, "u-1", RUN);
    int dot = token.lastIndexOf('.');
    String otherMember = tokens.signIn(ORG, "u-2", RUN);
    String otherBody = otherMember.substring(0, otherMember.lastIndexOf('.'));

    assertThat(tokens.verify(otherBody + token.substring(dot), RUN)).isEmpty();
    assertThat(tokens.verify(token.substring(0, dot + 1) + "AAAA", RUN)).isEmpty();
    assertThat(new MemberTokens(secret("another-secret"), clock).verify(token, RUN)).isEmpty();
  }

  @Test
  void somethingThatIsNotATokenIsRefused() {
    assertThat(tokens.verify(null, RUN)).isEmpty();
    assertThat(tokens.verify("", RUN)).isEmpty();
    assertThat(tokens.verify("no-dot-at-all", RUN)).isEmpty();
    assertThat(tokens.verify("...", RUN)).isEmpty();
  }

  private static IngestProperties secret(String secret) {
    return new Binder(
            new MapConfigurationPropertySource(Map.of("rundun.member-token-secret", secret)))
        .bind("rundun", IngestProperties.class)
        .get();
  }
}
