package app.rundun.processor.organisations;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.events.TemplateEvent;
import app.rundun.contracts.events.TemplateEventType;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.processor.commits.CommitPacing;
import app.rundun.processor.members.MemberDirectory;
import app.rundun.processor.quota.Quota;
import app.rundun.processor.stores.StoreBuilders;
import app.rundun.processor.templates.TemplateVersions;
import app.rundun.processor.webhooks.WebhookEndpoints;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation stage: one partition owns an organisation, so its quota, its template versions
 * and its keys change one command at a time. An accepted run leaves this stage as a {@code
 * StartRun} keyed by run id, in the same transaction that counted it against the quota; the run
 * stage replies for it.
 */
public final class OrgStage implements Processor<String, OrgCommand, String, Object> {

  public static final String STORE = "organisations-store";
  public static final String RUN_SEQUENCE_STORE = "run-sequence-store";
  public static final String RUN_COMMANDS_SINK = "org-run-commands-sink";
  public static final String REPLIES_SINK = "org-replies-sink";
  public static final String API_KEYS_SINK = "org-api-keys-sink";
  public static final String TEMPLATE_EVENTS_SINK = "org-template-events-sink";
  public static final String ENDPOINTS_SINK = "org-webhook-endpoints-sink";
  public static final String ACCOUNT_EVENTS_SINK = "org-account-events-sink";

  private static final Logger log = LoggerFactory.getLogger(OrgStage.class);

  private final Clock clock;
  private final CommitPacing pacing;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, Organisation> organisations;
  private KeyValueStore<String, Quota> quotas;
  private KeyValueStore<String, Long> runSequence;
  private TemplateVersions templates;
  private MemberDirectory members;
  private CreateOnceGuard idempotency;
  private WebhookEndpoints endpoints;

  public OrgStage(Clock clock, CommitPacing pacing) {
    this.clock = clock;
    this.pacing = pacing;
  }

  /** The stores this stage owns, all on the organisation's partition. */
  public static List<StoreBuilder<?>> storeBuilders() {
    return List.of(
        StoreBuilders.json(STORE, Organisation.class),
        StoreBuilders.json(Quota.STORE, Quota.class),
        StoreBuilders.json(RUN_SEQUENCE_STORE, Long.class),
        StoreBuilders.json(TemplateVersions.STORE, TemplateResource.class),
        MemberDirectory.storeBuilder(),
        CreateOnceGuard.storeBuilder(),
        WebhookEndpoints.storeBuilder());
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.organisations = context.getStateStore(STORE);
    this.quotas = context.getStateStore(Quota.STORE);
    this.runSequence = context.getStateStore(RUN_SEQUENCE_STORE);
    this.templates = new TemplateVersions(context.getStateStore(TemplateVersions.STORE));
    this.members = new MemberDirectory(context.getStateStore(MemberDirectory.STORE));
    this.idempotency = new CreateOnceGuard(context.getStateStore(CreateOnceGuard.STORE));
    this.endpoints = new WebhookEndpoints(context.getStateStore(WebhookEndpoints.STORE));
  }

  @Override
  public void process(Record<String, OrgCommand> record) {
    OrgCommand command = record.value();
    if (command == null) {
      return;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    try {
      Object body = handle(command, record, now);
      if (body != null) {
        context.forward(record.withValue(Reply.ok(body)), REPLIES_SINK);
      }
    } catch (ApiException e) {
      context.forward(record.withValue(Reply.failed(e)), REPLIES_SINK);
    } catch (RuntimeException e) {
      log.error("Command {} of {} failed", command.getClass().getSimpleName(), record.key(), e);
      ApiException failure =
          new ApiException(ErrorCode.INTERNAL_ERROR, "The command could not be applied.", null);
      context.forward(record.withValue(Reply.failed(failure)), REPLIES_SINK);
    }
    pacing.processed(record, context);
  }

  /** What the API instances learn of a key (its limits, scopes and end), under its hash. */
  private void publish(
      Organisation organisation, Organisation.IssuedKey key, Plan plan, Record<String, ?> cause) {
    context.forward(
        new Record<>(key.hash(), key.published(organisation.id(), plan), cause.timestamp()),
        API_KEYS_SINK);
  }

  /** Each template version, to the template event topic, in the transaction that stored it. */
  private void announce(
      TemplateEventType type, TemplateResource version, OrgId org, Record<String, ?> cause) {
    TemplateEvent event = TemplateEvent.of(type, version, org, version.createdAt());
    context.forward(
        new Record<>(version.templateId().value(), event, cause.timestamp()), TEMPLATE_EVENTS_SINK);
  }

  /**
   * Applies the command; returns the reply body, or null when a later stage replies or none is due.
   */
  private Object handle(OrgCommand command, Record<String, OrgCommand> record, Instant now) {
    return switch (command) {
      case OrgCommand.CreateOrganisation create -> {
        if (organisations.get(create.orgId().value()) != null) {
          throw ApiException.conflict("Organisation " + create.orgId() + " exists already.");
        }
        Organisation organisation = Organisation.create(create.orgId(), create.name(), now);
        Quota quota = Quota.of(create.plan());
        organisations.put(create.orgId().value(), organisation);
        quotas.put(create.orgId().value(), quota);
        yield organisation.resource(quota.plan());
      }
      case OrgCommand.ChangePlan change -> {
        Organisation organisation = organisation(change.orgId());
        Quota quota = quota(change.orgId()).withPlan(change.plan());
        quotas.put(change.orgId().value(), quota);
        // The API instances read a key's rate limits from its record: each live key again.
        for (Organisation.IssuedKey key : organisation.liveKeys()) {
          publish(organisation, key, quota.plan(), record);
        }
        yield organisation.resource(quota.plan());
      }
      case OrgCommand.AddRunPack pack -> {
        organisation(pack.orgId());
        Quota quota = quota(pack.orgId()).addRunPack(pack.runs(), now);
        quotas.put(pack.orgId().value(), quota);
        yield quota.usage(Mode.LIVE, now);
      }
      case OrgCommand.IssueApiKey issue -> {
        Organisation organisation = organisation(issue.orgId()).issue(issue, now);
        organisations.put(issue.orgId().value(), organisation);
        Organisation.IssuedKey issued = organisation.key(issue.keyId());
        publish(organisation, issued, quota(issue.orgId()).plan(), record);
        yield issued.resource();
      }
      case OrgCommand.RollApiKey roll -> {
        Organisation organisation = organisation(roll.orgId()).roll(roll, now);
        organisations.put(roll.orgId().value(), organisation);
        Plan plan = quota(roll.orgId()).plan();
        for (String keyId : List.of(roll.keyId(), roll.replacement().keyId())) {
          publish(organisation, organisation.key(keyId), plan, record);
        }
        yield organisation.key(roll.replacement().keyId()).resource();
      }
      case OrgCommand.TouchApiKey touch -> {
        Organisation organisation =
            organisation(touch.orgId()).touch(touch.keyId(), touch.usedAt());
        organisations.put(touch.orgId().value(), organisation);
        // Published without waiting: nobody is there for a reply.
        yield null;
      }
      case OrgCommand.RevokeApiKey revoke -> {
        Organisation organisation = organisation(revoke.orgId()).revoke(revoke.keyId(), now);
        organisations.put(revoke.orgId().value(), organisation);
        Organisation.IssuedKey key = organisation.key(revoke.keyId());
        context.forward(new Record<>(key.hash(), null, record.timestamp()), API_KEYS_SINK);
        yield key.resource();
      }
      case OrgCommand.CreateTemplate create -> {
        organisation(create.orgId());
        Optional<String> first = idempotency.replay(create.orgId(), create.idempotency(), now);
        if (first.isPresent()) {
          yield templates
              .version(create.orgId(), new TemplateId(first.get()), 1)
              .orElseThrow(() -> ApiException.notFound("template", first.get()));
        }
        TemplateResource created =
            templates.create(create.orgId(), create.templateId(), create.draft().validate(), now);
        idempotency.remember(
            create.orgId(), create.idempotency(), create.templateId().value(), now);
        announce(TemplateEventType.TEMPLATE_CREATED, created, create.orgId(), record);
        yield created;
      }
      case OrgCommand.UpdateTemplate update -> {
        organisation(update.orgId());
        TemplateResource updated =
            templates.update(update.orgId(), update.templateId(), update.draft().validate(), now);
        announce(TemplateEventType.TEMPLATE_UPDATED, updated, update.orgId(), record);
        yield updated;
      }
      case OrgCommand.CreateMember create -> {
        organisation(create.orgId());
        yield members
            .invite(create.orgId(), create.userId(), create.name(), create.email(), now)
            .resource();
      }
      case OrgCommand.SetMemberPassword set ->
          members.activate(set.orgId(), set.userId(), set.passwordHash()).resource();
      case OrgCommand.DeactivateMember deactivate ->
          members.deactivate(deactivate.orgId(), deactivate.userId()).resource();
      case OrgCommand.EndpointCommand endpoint -> {
        organisation(endpoint.orgId());
        WebhookEndpoints.Applied applied = endpoints.apply(endpoint, now);
        if (applied.publishes()) {
          context.forward(
              new Record<>(applied.key(), applied.endpoint(), record.timestamp()), ENDPOINTS_SINK);
        }
        if (applied.event() != null) {
          context.forward(
              new Record<>(endpoint.orgId().value(), applied.event(), record.timestamp()),
              ACCOUNT_EVENTS_SINK);
        }
        yield applied.reply();
      }
      case OrgCommand.CreateRun create -> {
        startRun(create, record, now);
        yield null;
      }
    };
  }

  private void startRun(
      OrgCommand.CreateRun create, Record<String, OrgCommand> record, Instant now) {
    organisation(create.orgId());
    Optional<String> first = idempotency.replay(create.orgId(), create.idempotency(), now);
    // A retry goes to the run it first created, which answers with itself; nothing is counted.
    RunId runId = first.map(RunId::new).orElse(create.runId());
    TemplateResource template =
        templates
            .latest(create.orgId(), create.templateId())
            .orElseThrow(() ->
                new ApiException(
                    ErrorCode.NOT_FOUND,
                    "No such template: " + create.templateId(),
                    "template_id"));
    Prefill.checkAgainst(create.prefill(), template);
    Long sequence = null;
    if (first.isEmpty()) {
      quotas.put(create.orgId().value(), quota(create.orgId()).admit(create.mode(), now));
      idempotency.remember(create.orgId(), create.idempotency(), runId.value(), now);
      sequence = nextRunSequence(create.orgId());
    }
    Instant expiresAt =
        create.expiresInSeconds() == null ? null : now.plusSeconds(create.expiresInSeconds());
    RunCommand start =
        new RunCommand.StartRun(
            runId,
            create.orgId(),
            create.mode(),
            template,
            create.executorRef(),
            create.metadata(),
            create.prefill(),
            now,
            expiresAt,
            create.webhook(),
            create.createdByName(),
            sequence);
    context.forward(record.withKey(runId.value()).<Object>withValue(start), RUN_COMMANDS_SINK);
  }

  /** Numbers the organisation's runs 1, 2, 3…: the order of its run list. */
  private long nextRunSequence(OrgId id) {
    Long last = runSequence.get(id.value());
    long next = last == null ? 1 : last + 1;
    runSequence.put(id.value(), next);
    return next;
  }

  private Organisation organisation(OrgId id) {
    Organisation organisation = organisations.get(id.value());
    if (organisation == null) {
      throw ApiException.notFound("organisation", id.value());
    }
    return organisation;
  }

  private Quota quota(OrgId id) {
    Quota quota = quotas.get(id.value());
    if (quota == null) {
      throw ApiException.notFound("organisation", id.value());
    }
    return quota;
  }
}
