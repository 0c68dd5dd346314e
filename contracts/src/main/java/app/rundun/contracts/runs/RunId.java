package app.rundun.contracts.runs;

import app.rundun.contracts.errors.PrefixedIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A run's id, {@code r-{uuid}}: stable, random, and the credential of the executor link. */
public record RunId(@JsonValue String value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RunId {
    PrefixedIds.check("r", value, "run");
  }

  public static RunId mint() {
    return new RunId(PrefixedIds.mint("r"));
  }

  @Override
  public String toString() {
    return value;
  }
}
