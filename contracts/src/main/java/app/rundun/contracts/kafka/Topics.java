package app.rundun.contracts.kafka;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.events.AccountEvent;
import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.events.TemplateEvent;
import app.rundun.contracts.idempotency.IdempotencyCommand;
import app.rundun.contracts.json.JsonSerde;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.stats.RunFact;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of Rundun. Org-scoped commands are keyed by organisation id so that quota counting
 * and template versioning are serialised per organisation; run commands and run events are keyed by
 * run id so that the executor, who knows only the run id, reaches the partition owning the run.
 */
public final class Topics {

  /**
   * Partitions each topic is created with unless {@code rundun.partitions} says otherwise; fixed at
   * creation, and the most instances of a stage that can share the work.
   */
  public static final int DEFAULT_PARTITIONS = 6;

  /** Commands that need the organisation's state: templates, quota, plans, keys. */
  public static final Topic<String, OrgCommand> ORG_COMMANDS =
      new Topic<>("rundun.org-commands", Serdes.String(), new JsonSerde<>(OrgCommand.class), false);

  /** Commands on one run, including the run start that the organisation stage accepted. */
  public static final Topic<String, RunCommand> RUN_COMMANDS =
      new Topic<>("rundun.run-commands", Serdes.String(), new JsonSerde<>(RunCommand.class), false);

  /** Idempotency-Key claims, keyed by scope and key. */
  public static final Topic<String, IdempotencyCommand> IDEMPOTENCY =
      new Topic<>(
          "rundun.idempotency", Serdes.String(), new JsonSerde<>(IdempotencyCommand.class), false);

  /** The outcome of each command, correlated to the request that sent it. */
  public static final Topic<String, Reply> REPLIES =
      new Topic<>("rundun.replies", Serdes.String(), new JsonSerde<>(Reply.class), false);

  /**
   * Each run as it is after every change, re-keyed by organisation id: the run stage's way to the
   * organisation's run list (the explicitly named repartition of run changes). Internal to the
   * run-processor.
   */
  public static final Topic<String, ListedRun> RUNS_BY_ORG =
      new Topic<>("rundun.runs-by-org", Serdes.String(), new JsonSerde<>(ListedRun.class), false);

  /**
   * How long {@code GET /v1/events} serves an event. {@link #RUN_EVENTS} keeps each a day longer,
   * since a broker deletes whole segments only once their newest record is past retention.
   */
  public static final Duration EVENTS_KEPT = Duration.ofDays(30);

  /**
   * Every run event, keyed by run id, as CloudEvents 1.0 structured JSON; the events API reads
   * events back from it by offset, so it is kept longer than {@link #EVENTS_KEPT}.
   */
  public static final Topic<String, RunEvent> RUN_EVENTS =
      new Topic<>(
          "rundun.run-events",
          Serdes.String(),
          new JsonSerde<>(RunEvent.class),
          false,
          EVENTS_KEPT.plusDays(1));

  /**
   * Where each run event lies, re-keyed by organisation id: the way from {@link #RUN_EVENTS} to the
   * organisation's event log behind {@code GET /v1/events} (the explicitly named repartition of run
   * events, slim: the events stay on their topic). Internal to the run-processor.
   */
  public static final Topic<String, EventPointer> EVENTS_BY_ORG =
      new Topic<>(
          "rundun.events-by-org", Serdes.String(), new JsonSerde<>(EventPointer.class), false);

  /**
   * Every template event, keyed by template id, as CloudEvents 1.0 structured JSON: each version of
   * each template, for labelling answers with the steps they were given under.
   */
  public static final Topic<String, TemplateEvent> TEMPLATE_EVENTS =
      new Topic<>(
          "rundun.template-events", Serdes.String(), new JsonSerde<>(TemplateEvent.class), false);

  /**
   * Events about the organisation's account (an endpoint Rundun disabled), keyed by org id, as
   * CloudEvents 1.0 structured JSON.
   */
  public static final Topic<String, AccountEvent> ACCOUNT_EVENTS =
      new Topic<>(
          "rundun.account-events", Serdes.String(), new JsonSerde<>(AccountEvent.class), false);

  /**
   * What happens to runs, as template statistics count it, keyed by template id: the run stage's
   * way to the statistics of each template (the explicitly named repartition). Internal to the
   * run-processor.
   */
  public static final Topic<String, RunFact> TEMPLATE_FACTS =
      new Topic<>("rundun.template-facts", Serdes.String(), new JsonSerde<>(RunFact.class), false);

  /**
   * Each template version's statistics per mode, per UTC day and in total, keyed {@code
   * {template}/{mode}/v{version:06d}/{period}}, the whole record after every change. Compacted.
   */
  public static final Topic<String, TemplateStats> TEMPLATE_STATS =
      new Topic<>(
          "rundun.template-stats", Serdes.String(), new JsonSerde<>(TemplateStats.class), true);

  /** API keys by the SHA-256 of the key; a tombstone revokes. Compacted, read whole at start. */
  public static final Topic<String, ApiKeyRecord> API_KEYS =
      new Topic<>("rundun.api-keys", Serdes.String(), new JsonSerde<>(ApiKeyRecord.class), true);

  /** Events to deliver to a run's webhook, keyed by run id; the secret is sealed. */
  public static final Topic<String, WebhookDelivery> WEBHOOK_DELIVERIES =
      new Topic<>(
          "rundun.webhook-deliveries",
          Serdes.String(),
          new JsonSerde<>(WebhookDelivery.class),
          false);

  /**
   * Deliveries not done yet, keyed {@code {run id}/{event id}} and placed on the partition of the
   * run id, next to the run's deliveries. Compacted: a tombstone means delivered.
   */
  public static final Topic<String, ScheduledDelivery> WEBHOOK_SCHEDULE =
      new Topic<>(
          "rundun.webhook-schedule",
          Serdes.String(),
          new JsonSerde<>(ScheduledDelivery.class),
          true);

  /**
   * Account webhook endpoints, keyed {@code {org id}/{endpoint id}}, each record the whole endpoint
   * (its secrets sealed); a tombstone deletes. Compacted, read whole by every dispatcher.
   */
  public static final Topic<String, WebhookEndpoint> WEBHOOK_ENDPOINTS =
      new Topic<>(
          "rundun.webhook-endpoints",
          Serdes.String(),
          new JsonSerde<>(WebhookEndpoint.class),
          true);

  /** Every delivery attempt, keyed by run id, for the integrator to read. */
  public static final Topic<String, WebhookAttempt> WEBHOOK_ATTEMPTS =
      new Topic<>(
          "rundun.webhook-attempts", Serdes.String(), new JsonSerde<>(WebhookAttempt.class), false);

  /** Requests to deliver a failed event again, keyed by run id. */
  public static final Topic<String, Redelivery> WEBHOOK_REDELIVERIES =
      new Topic<>(
          "rundun.webhook-redeliveries", Serdes.String(), new JsonSerde<>(Redelivery.class), false);

  /**
   * Requests to send an account endpoint's failed deliveries again, keyed by endpoint id and
   * written to every partition: each dispatcher acts on the schedule partition it owns beside it.
   */
  public static final Topic<String, Recovery> WEBHOOK_RECOVERIES =
      new Topic<>(
          "rundun.webhook-recoveries", Serdes.String(), new JsonSerde<>(Recovery.class), false);

  private Topics() {}

  public static List<Topic<?, ?>> all() {
    return List.of(
        ORG_COMMANDS,
        IDEMPOTENCY,
        RUN_COMMANDS,
        RUNS_BY_ORG,
        REPLIES,
        RUN_EVENTS,
        EVENTS_BY_ORG,
        TEMPLATE_EVENTS,
        TEMPLATE_FACTS,
        TEMPLATE_STATS,
        ACCOUNT_EVENTS,
        API_KEYS,
        WEBHOOK_DELIVERIES,
        WEBHOOK_SCHEDULE,
        WEBHOOK_ENDPOINTS,
        WEBHOOK_ATTEMPTS,
        WEBHOOK_REDELIVERIES,
        WEBHOOK_RECOVERIES);
  }
}
