package app.rundun.ingest.members;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.members.MemberSignIn;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.ingest.auth.MemberTokens;
import app.rundun.ingest.queries.Freshness;
import app.rundun.ingest.queries.ProcessorQueries;
import org.springframework.stereotype.Component;

/** Signs a member in to one run of their organisation. */
@Component
public class SignIn {

  private final ProcessorQueries queries;
  private final MemberTokens tokens;
  private final SignInLimiter limiter;

  SignIn(ProcessorQueries queries, MemberTokens tokens, SignInLimiter limiter) {
    this.queries = queries;
    this.tokens = tokens;
    this.limiter = limiter;
  }

  /** A token for the run, or 401 (wrong email or password, the same answer for both). */
  public SignedIn signIn(RunId run, String email, String password, String address) {
    if (email == null || password == null) {
      throw ApiException.invalid(
          email == null ? "email" : "password", "Email and password are required.");
    }
    String normalised = email.strip().toLowerCase(java.util.Locale.ROOT);
    limiter.check(normalised, address);
    RunLookup lookup = queries.run(run, Freshness.CURRENT).value();
    MemberSignIn.Verdict verdict =
        queries.signIn(lookup.orgId(), new MemberSignIn(normalised, password));
    if (!verdict.accepted()) {
      limiter.failed(normalised, address);
      throw new ApiException(
          ErrorCode.UNAUTHORIZED,
          "The email or password is not right, or the member is not active.",
          null);
    }
    return new SignedIn(
        verdict.userId(), tokens.signIn(lookup.orgId(), verdict.userId(), run.value()));
  }

  /** A member signed in to a run: their id and the token the app sends. */
  public record SignedIn(String userId, String memberToken) {}
}
