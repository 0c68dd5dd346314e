package app.rundun.contracts.organisations;

import app.rundun.contracts.errors.PrefixedIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An organisation's id, {@code org-{uuid}}: the partitioning key of everything org-scoped. */
public record OrgId(@JsonValue String value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public OrgId {
    PrefixedIds.check("org", value, "organisation");
  }

  public static OrgId mint() {
    return new OrgId(PrefixedIds.mint("org"));
  }

  @Override
  public String toString() {
    return value;
  }
}
