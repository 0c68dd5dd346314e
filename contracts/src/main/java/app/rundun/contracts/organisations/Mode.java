package app.rundun.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Live or test: test runs behave like live ones but never count and are never seen with live. */
public enum Mode {
  @JsonProperty("live")
  LIVE,
  @JsonProperty("test")
  TEST;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
