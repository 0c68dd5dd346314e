package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import tools.jackson.databind.JsonNode;

/** Text for the executor to read; no answer, not counted in progress. */
public record InstructionStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Condition showIf)
    implements Step {

  public InstructionStep {
    required = Boolean.FALSE;
    photos = PhotoRule.NONE;
    geo = GeoRule.OFF;
  }

  @Override
  public boolean answerable() {
    return false;
  }

  @Override
  public void validateSettings(String param) {
    // An instruction has nothing to configure beyond its title and description.
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    throw ApiException.invalid(param, "Step " + id + " is an instruction and takes no answer.");
  }
}
