package app.rundun.contracts.members;

/**
 * A sign-in to check, sent by the ingest-api to the run-processor, which holds the password hashes
 * and answers only whether it matched: no hash ever leaves it.
 */
public record MemberSignIn(String email, String password) {

  /** The verdict: the member's id when the password matched an active member, else refused. */
  public record Verdict(boolean accepted, String userId) {

    public static Verdict refused() {
      return new Verdict(false, null);
    }
  }

  @Override
  public String toString() {
    return "MemberSignIn[email=" + email + ", password=(hidden)]";
  }
}
