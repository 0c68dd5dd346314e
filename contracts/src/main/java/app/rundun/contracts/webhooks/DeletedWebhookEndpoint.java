package app.rundun.contracts.webhooks;

/** The answer to deleting an endpoint, as Stripe gives it. */
public record DeletedWebhookEndpoint(String id, String object, boolean deleted) {

  public static DeletedWebhookEndpoint of(String id) {
    return new DeletedWebhookEndpoint(id, "webhook_endpoint", true);
  }
}
