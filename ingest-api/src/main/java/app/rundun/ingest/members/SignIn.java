package app.rundun.ingest.members;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.members.MemberCredentials;
import app.rundun.contracts.members.MemberStatus;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.ingest.queries.ProcessorQueries;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Signs a member in to one run of their organisation. */
@Component
public class SignIn {

  private final ProcessorQueries queries;
  private final BCryptPasswordEncoder hashes;
  private final MemberTokens tokens;
  private final SignInLimiter limiter;

  /** Compared against when the email is unknown, so that both cases take as long. */
  private final String unknown;

  SignIn(
      ProcessorQueries queries,
      BCryptPasswordEncoder hashes,
      MemberTokens tokens,
      SignInLimiter limiter) {
    this.queries = queries;
    this.hashes = hashes;
    this.tokens = tokens;
    this.limiter = limiter;
    this.unknown = hashes.encode(java.util.UUID.randomUUID().toString());
  }

  /** A token for the run, or 401 (wrong email or password, the same answer for both). */
  public SignedIn signIn(RunId run, String email, String password, String address) {
    if (email == null || password == null) {
      throw ApiException.invalid(
          email == null ? "email" : "password", "Email and password are required.");
    }
    String normalised = email.strip().toLowerCase(java.util.Locale.ROOT);
    limiter.check(normalised, address);
    RunLookup lookup = queries.run(run);
    MemberCredentials member;
    try {
      member = queries.credentials(lookup.orgId(), normalised);
    } catch (ApiException e) {
      if (e.code() != ErrorCode.NOT_FOUND) {
        throw e;
      }
      member = null;
    }
    boolean matches =
        hashes.matches(
            password,
            member == null || member.passwordHash() == null ? unknown : member.passwordHash());
    if (member == null || !matches || member.status() != MemberStatus.ACTIVE) {
      limiter.failed(normalised, address);
      throw new ApiException(
          ErrorCode.UNAUTHORIZED,
          "The email or password is not right, or the member is not active.",
          null);
    }
    return new SignedIn(
        member.userId(), tokens.signIn(lookup.orgId(), member.userId(), run.value()));
  }

  /** A member signed in to a run: their id and the token the app sends. */
  public record SignedIn(String userId, String memberToken) {}
}
