package app.rundun.contracts.events;

/**
 * The template events, on their own topic so that analytics can label answers with the template
 * version they were given under.
 */
public enum TemplateEventType implements EventType {
  TEMPLATE_CREATED("template.created", "A template was created; data is its version 1."),
  TEMPLATE_UPDATED(
      "template.updated", "A template was changed; data is the new version, with its number.");

  private final String wire;
  private final String description;

  TemplateEventType(String wire, String description) {
    this.wire = wire;
    this.description = description;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Webhooks webhooks() {
    return Webhooks.NEVER;
  }
}
