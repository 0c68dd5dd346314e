package app.rundun.contracts.templates;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who the executor must be: anyone, a named outsider, or a signed-in organisation member. */
public enum IdentityRequired {
  @JsonProperty("none")
  NONE,
  @JsonProperty("external")
  EXTERNAL,
  @JsonProperty("member")
  MEMBER
}
