package app.rundun.contracts.templates;

import app.rundun.contracts.errors.PrefixedIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A template's id, {@code t-{uuid}}; the same for every version of the template. */
public record TemplateId(@JsonValue String value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public TemplateId {
    PrefixedIds.check("t", value, "template");
  }

  public static TemplateId mint() {
    return new TemplateId(PrefixedIds.mint("t"));
  }

  @Override
  public String toString() {
    return value;
  }
}
