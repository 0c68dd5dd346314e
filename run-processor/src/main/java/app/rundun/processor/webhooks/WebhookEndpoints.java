package app.rundun.processor.webhooks;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.AccountEvent;
import app.rundun.contracts.events.AccountEventType;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.webhooks.DeletedWebhookEndpoint;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import app.rundun.processor.stores.StoreBuilders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The account webhook endpoints of each organisation, under {@code {org}/{endpoint id}} on the
 * organisation's partition. An endpoint of the other mode is not found, as with runs.
 */
public final class WebhookEndpoints {

  public static final String STORE = "webhook-endpoints-store";

  private final ReadOnlyKeyValueStore<String, WebhookEndpoint> store;

  public WebhookEndpoints(ReadOnlyKeyValueStore<String, WebhookEndpoint> store) {
    this.store = store;
  }

  public static StoreBuilder<?> storeBuilder() {
    return StoreBuilders.json(STORE, WebhookEndpoint.class);
  }

  /**
   * What a command did: the endpoint as it now is ({@code endpoint} null once deleted), under its
   * key, and the answer for the caller.
   */
  public record Applied(String key, WebhookEndpoint endpoint, Object reply, AccountEvent event) {

    /** Nothing to publish, nobody to answer. */
    static final Applied NOTHING = new Applied(null, null, null, null);

    public boolean publishes() {
      return key != null;
    }
  }

  public Applied apply(OrgCommand.EndpointCommand command, Instant now) {
    return switch (command) {
      case OrgCommand.CreateWebhookEndpoint create -> {
        int existing = list(create.orgId(), create.mode()).size();
        if (existing >= WebhookEndpoint.MAX_PER_MODE) {
          throw ApiException.conflict(
              "This organisation has "
                  + existing
                  + " "
                  + create.mode().wire()
                  + " webhook endpoints, the most it may have; delete one first.");
        }
        yield written(
            WebhookEndpoint.create(
                create.endpointId(),
                create.orgId(),
                create.mode(),
                create.fields(),
                create.sealedSecret(),
                now));
      }
      case OrgCommand.UpdateWebhookEndpoint update ->
          written(
              get(update.orgId(), update.mode(), update.endpointId())
                  .change(update.changes(), now));
      case OrgCommand.RotateWebhookSecret rotate ->
          written(
              get(rotate.orgId(), rotate.mode(), rotate.endpointId())
                  .rotate(rotate.sealedSecret(), now.plusSeconds(rotate.oldSecretSeconds()), now));
      case OrgCommand.EndpointDelivered delivered ->
          reported(delivered, endpoint -> endpoint.delivered(delivered.at()), now);
      case OrgCommand.EndpointFailed failed ->
          reported(failed, endpoint -> endpoint.failed(failed.at(), failed.disableAfter()), now);
      case OrgCommand.DeleteWebhookEndpoint delete -> {
        WebhookEndpoint gone = get(delete.orgId(), delete.mode(), delete.endpointId());
        writable().delete(gone.key());
        yield new Applied(gone.key(), null, DeletedWebhookEndpoint.of(gone.id()), null);
      }
    };
  }

  public WebhookEndpoint get(OrgId org, Mode mode, String endpointId) {
    WebhookEndpoint endpoint = store.get(WebhookEndpoint.key(org, endpointId));
    if (endpoint == null || endpoint.mode() != mode) {
      throw ApiException.notFound("webhook endpoint", endpointId);
    }
    return endpoint;
  }

  /** The organisation's endpoints in the mode, newest first (then by id). */
  public List<WebhookEndpoint> list(OrgId org, Mode mode) {
    List<WebhookEndpoint> endpoints = new ArrayList<>();
    try (KeyValueIterator<String, WebhookEndpoint> it =
        store.prefixScan(org.value() + "/", new StringSerializer())) {
      it.forEachRemaining(entry -> {
        if (entry.value.mode() == mode) {
          endpoints.add(entry.value);
        }
      });
    }
    endpoints.sort(
        Comparator.comparing(WebhookEndpoint::createdAt)
            .thenComparing(WebhookEndpoint::id)
            .reversed());
    return endpoints;
  }

  private Applied written(WebhookEndpoint endpoint) {
    writable().put(endpoint.key(), endpoint);
    return new Applied(endpoint.key(), endpoint, endpoint.resource(), null);
  }

  /**
   * A dispatcher's report on an endpoint's health: kept, and published only when it disables the
   * endpoint, with the account event that says so. A report on an endpoint deleted since is moot.
   */
  private Applied reported(
      OrgCommand.EndpointCommand report, UnaryOperator<WebhookEndpoint> change, Instant now) {
    WebhookEndpoint before = store.get(WebhookEndpoint.key(report.orgId(), report.endpointId()));
    if (before == null || before.mode() != report.mode()) {
      return Applied.NOTHING;
    }
    WebhookEndpoint after = change.apply(before);
    if (after.equals(before)) {
      return Applied.NOTHING;
    }
    writable().put(after.key(), after);
    return after.disabledSince(before)
        ? new Applied(after.key(), after, null, disabledEvent(after, now))
        : Applied.NOTHING;
  }

  private static AccountEvent disabledEvent(WebhookEndpoint endpoint, Instant now) {
    return AccountEvent.of(
        AccountEventType.WEBHOOK_ENDPOINT_DISABLED,
        endpoint.id(),
        endpoint.orgId(),
        endpoint.mode(),
        endpoint.resource(),
        now);
  }

  private KeyValueStore<String, WebhookEndpoint> writable() {
    if (!(store instanceof KeyValueStore<String, WebhookEndpoint> writable)) {
      throw new IllegalStateException("Endpoints are written by the stream task only.");
    }
    return writable;
  }
}
