package app.rundun.ingest.auth;

import app.rundun.contracts.crypto.Hmac;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.ingest.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring tokens: an invite to set a password (7 days), and a member's sign-in to one run
 * (12 hours). Stateless, so any API instance can check one.
 */
@Component
public class MemberTokens {

  static final Duration INVITE_LIFE = Duration.ofDays(7);
  static final Duration SIGN_IN_LIFE = Duration.ofHours(12);

  private final byte[] key;
  private final Clock clock;

  MemberTokens(IngestProperties properties, Clock clock) {
    this.key = properties.memberTokenSecret().getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Who a valid token names. {@code scope} is the run for a sign-in, "invite" for an invite. */
  public record Claims(OrgId orgId, String userId, String scope) {}

  public String invite(OrgId org, String userId) {
    return sign(new Claims(org, userId, "invite"), INVITE_LIFE);
  }

  public String signIn(OrgId org, String userId, String runId) {
    return sign(new Claims(org, userId, runId), SIGN_IN_LIFE);
  }

  /** The claims of a token that is intact, unexpired and of the given scope. */
  public Optional<Claims> verify(String token, String scope) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String body = token.substring(0, dot);
    if (!Hmac.same(signature(body), token.substring(dot + 1))) {
      return Optional.empty();
    }
    String[] parts =
        new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\\|");
    if (parts.length != 4
        || !parts[2].equals(scope)
        || Long.parseLong(parts[3]) < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(new Claims(new OrgId(parts[0]), parts[1], parts[2]));
  }

  private String sign(Claims claims, Duration life) {
    long expires = clock.instant().plus(life).getEpochSecond();
    String payload =
        claims.orgId().value() + "|" + claims.userId() + "|" + claims.scope() + "|" + expires;
    String body =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return body + "." + signature(body);
  }

  private String signature(String body) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(key, body));
  }
}
