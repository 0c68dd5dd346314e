package app.rundun.processor.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.runs.ExecutorIdentity;
import java.util.regex.Pattern;

/** Who opens a run, checked against what its template asks: a named outsider, or a member. */
final class OpeningIdentity {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final int MAX_NAME = 200;

  private OpeningIdentity() {}

  static ExecutorIdentity external(String name, String email) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw ApiException.invalid("name", "This run asks for the executor's name.");
    }
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw ApiException.invalid("email", "This run asks for the executor's email address.");
    }
    return ExecutorIdentity.external(name.strip(), email.strip());
  }

  static ExecutorIdentity member(String memberId) {
    if (memberId == null) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "This run is for organisation members: sign in to open it.", null);
    }
    return ExecutorIdentity.member(memberId);
  }
}
