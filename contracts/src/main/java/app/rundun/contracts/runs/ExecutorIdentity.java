package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who executes the run, in one of three modes: anonymous, external or member. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutorIdentity(String mode, String name, String email, String userId) {

  public static ExecutorIdentity anonymous() {
    return new ExecutorIdentity("anonymous", null, null, null);
  }

  public static ExecutorIdentity external(String name, String email) {
    return new ExecutorIdentity("external", name, email, null);
  }

  public static ExecutorIdentity member(String userId) {
    return new ExecutorIdentity("member", null, null, userId);
  }
}
