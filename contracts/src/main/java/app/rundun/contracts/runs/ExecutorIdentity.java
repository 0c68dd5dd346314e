package app.rundun.contracts.runs;

import app.rundun.contracts.templates.IdentityRequired;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who executes the run, in one of three modes: anonymous, external or member. A run shows its mode
 * from creation, with the mode's fields null until the executor opens it: {@code {"mode":
 * "external", "name": null, "email": null}}.
 */
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

  /** The identity a run of a template shows before it is opened: its mode, nobody yet. */
  public static ExecutorIdentity notYetKnown(IdentityRequired required) {
    return switch (required) {
      case NONE -> anonymous();
      case EXTERNAL -> external(null, null);
      case MEMBER -> member(null);
    };
  }

  /** The mode and exactly the fields of that mode, null while unknown. */
  @JsonValue
  Map<String, Object> wire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("mode", mode);
    switch (mode) {
      case "external" -> {
        wire.put("name", name);
        wire.put("email", email);
      }
      case "member" -> wire.put("user_id", userId);
      default -> {}
    }
    return wire;
  }
}
