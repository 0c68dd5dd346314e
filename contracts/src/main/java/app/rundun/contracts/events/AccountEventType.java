package app.rundun.contracts.events;

/** Events about the organisation's account itself, on {@code rundun.account-events}. */
public enum AccountEventType implements EventType {
  WEBHOOK_ENDPOINT_DISABLED(
      "webhook_endpoint.disabled",
      "Rundun disabled a webhook endpoint whose every delivery had failed for too long; data is"
          + " the endpoint, with disabled_reason.");

  private final String wire;
  private final String description;

  AccountEventType(String wire, String description) {
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
