package app.rundun.processor.runs;

import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.kafka.TraceHeaders;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookConfig;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.processor.commits.CommitPacing;
import app.rundun.processor.stores.StoreBuilders;
import app.rundun.processor.stores.TimeIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run stage: applies each run command on the partition that owns the run, replies to the
 * request, and publishes the run event, all in one transaction. A wall-clock sweep expires runs
 * through the expiry index; commands check expiry themselves, so the sweep is never needed for
 * correctness, only to emit {@code run.expired} without anyone asking.
 */
public final class RunStage implements Processor<String, RunCommand, String, Object> {

  public static final String RUNS_STORE = "runs-store";
  public static final String EXPIRY_STORE = "run-expiry-store";
  public static final String EVENTS_SINK = "run-events-sink";
  public static final String REPLIES_SINK = "run-replies-sink";
  public static final String WEBHOOKS_SINK = "run-webhook-deliveries-sink";
  public static final String RUNS_BY_ORG_SINK = "runs-by-org-sink";
  public static final String TEMPLATE_FACTS_SINK = "template-facts-sink";

  private static final Logger log = LoggerFactory.getLogger(RunStage.class);
  private static final int SWEEP_BATCH = 1_000;

  private final Clock clock;
  private final RunViews views;
  private final Duration sweepInterval;
  private final CommitPacing pacing;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, StoredRun> runs;
  private RunTemplates templates;
  private TimeIndex expiry;
  // The trace context of the command being processed, carried to every record it causes.
  private Headers trace = TraceHeaders.carried(null);

  public RunStage(Clock clock, RunViews views, Duration sweepInterval, CommitPacing pacing) {
    this.clock = clock;
    this.views = views;
    this.sweepInterval = sweepInterval;
    this.pacing = pacing;
  }

  /** The stores this stage owns, all on the run's partition. */
  public static List<StoreBuilder<?>> storeBuilders() {
    return List.of(
        StoreBuilders.keyValue(RUNS_STORE, StoredRun.SERDE),
        StoreBuilders.json(RunTemplates.STORE, TemplateResource.class),
        StoreBuilders.strings(EXPIRY_STORE));
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.runs = context.getStateStore(RUNS_STORE);
    this.templates = new RunTemplates(context.getStateStore(RunTemplates.STORE));
    this.expiry = new TimeIndex(context.getStateStore(EXPIRY_STORE));
    context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::sweep);
  }

  @Override
  public void process(Record<String, RunCommand> record) {
    RunCommand command = record.value();
    if (command == null) {
      return;
    }
    trace = TraceHeaders.carried(record.headers());
    // The API shows times to the second; expiry times are whole seconds, so this loses nothing.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Reply reply;
    try {
      reply = Reply.ok(handle(command, now));
    } catch (ApiException e) {
      reply = Reply.failed(e);
    } catch (RuntimeException e) {
      log.error("Command {} on run {} failed", command.getClass().getSimpleName(), record.key(), e);
      reply =
          Reply.failed(
              new ApiException(
                  ErrorCode.INTERNAL_ERROR, "The command could not be applied.", null));
    }
    // A command that nobody waits for (no correlation id) gets no reply.
    if (record.headers().lastHeader(Reply.CORRELATION_HEADER) != null) {
      context.forward(record.withValue(reply), REPLIES_SINK);
    }
    pacing.processed(record, context);
  }

  private Object handle(RunCommand command, Instant now) {
    return switch (command) {
      case RunCommand.StartRun start -> startRun(start);
      case RunCommand.OpenRun open -> {
        Run run = current(open, now);
        yield executorView(save(run, run.open(open, now), now), now);
      }
      case RunCommand.AnswerStep answer -> {
        Run run = current(answer, now).requireHolder(answer.holder(), now);
        yield executorView(save(run, run.answer(templates.of(run), answer, now), now), now);
      }
      case RunCommand.SkipStep skip -> {
        Run run = current(skip, now).requireHolder(skip.holder(), now);
        yield executorView(save(run, run.skip(templates.of(run), skip.stepId(), now), now), now);
      }
      case RunCommand.SubmitRun submit -> {
        Run run = current(submit, now).requireHolder(submit.holder(), now);
        yield executorView(save(run, run.submit(templates.of(run), now), now), now);
      }
      case RunCommand.ExitRun exit -> {
        Run run = current(exit, now).requireHolder(exit.holder(), now);
        yield executorView(save(run, run.exit(now), now), now);
      }
      case RunCommand.CancelRun cancel -> {
        Run run = owned(current(cancel, now), cancel.orgId(), cancel.mode());
        yield saveAndView(run, run.cancel(cancel.reason(), now), now);
      }
      case RunCommand.UpdateRun update -> {
        Run run = owned(current(update, now), update.orgId(), update.mode());
        yield saveAndView(run, run.update(update.changes(), now), now);
      }
    };
  }

  private Object executorView(Run run, Instant now) {
    return views.executor(run, templates.of(run), now);
  }

  /** Another organisation's run, or one of the other mode, does not exist for the caller. */
  private static Run owned(Run run, OrgId orgId, Mode mode) {
    if (!run.ownedBy(orgId, mode)) {
      throw ApiException.notFound("run", run.id().value());
    }
    return run;
  }

  private Object startRun(RunCommand.StartRun start) {
    StoredRun existing = runs.get(start.runId().value());
    if (existing != null) {
      // A retried create (same idempotency key) lands here: it answers with the run as it is.
      return views.resource(existing.run(), clock.instant());
    }
    Run run = Run.start(start);
    templates.keep(run.orgId(), start.template());
    if (run.expiresAt() != null) {
      expiry.add(run.id().value(), run.expiresAt());
    }
    ListedRun listed = RunViews.listed(run);
    RunResource view = views.resource(listed, start.createdAt());
    keep(run, view);
    list(listed, start.createdAt());
    announce(run, listed, view, RunEventType.RUN_CREATED, null, start.createdAt());
    return view;
  }

  /** The run as of now: an expiry that is due is recorded before the command is applied. */
  private Run current(RunCommand command, Instant now) {
    Run run = stored(command.runId().value());
    if (run == null) {
      throw ApiException.notFound("run", command.runId().value());
    }
    return run.isDue(now) ? save(run, run.expire(now), now) : run;
  }

  /** The stored run, its template moved apart if it was stored with it; null if there is none. */
  private Run stored(String runId) {
    StoredRun run = runs.get(runId);
    return run == null ? null : templates.migrated(run.run());
  }

  /**
   * Stores what a command changed, with its run list entry, and announces its event to the event
   * topic and the run's webhook, all in this transaction.
   */
  private Run save(Run before, RunChange change, Instant now) {
    if (!(change instanceof RunChange.Unchanged)) {
      store(before, change, now);
    }
    return change.run();
  }

  /** {@link #save}, answering the integrator's view of the run as it now is. */
  private RunResource saveAndView(Run before, RunChange change, Instant now) {
    return change instanceof RunChange.Unchanged
        ? views.resource(change.run(), now)
        : store(before, change, now);
  }

  /** Stores a change; its integrator view, made once for the store, the list and the events. */
  private RunResource store(Run before, RunChange change, Instant now) {
    Run after = change.run();
    reindexExpiry(before, after);
    // Made once: the run list's entry, the rendered view and the events' data are the same run.
    ListedRun listed = RunViews.listed(after);
    RunResource view = views.resource(listed, now);
    keep(after, view);
    list(listed, now);
    for (RunChange.Announcement announcement : change.announcements()) {
      announce(after, listed, view, announcement.event(), announcement.stepId(), now);
    }
    return view;
  }

  /** Stores the run with its integrator view as JSON, for reads by id. */
  private void keep(Run run, RunResource view) {
    runs.put(
        run.id().value(),
        StoredRun.of(run, RenderedRun.of(run, Json.mapper().writeValueAsBytes(view))));
  }

  /** The event, to the event topic and, if it wants it, to the run's webhook. */
  private void announce(
      Run run, ListedRun listed, RunResource view, RunEventType type, String stepId, Instant now) {
    RunEvent event = RunEvent.of(type, view, stepId, run.orgId(), run.mode(), now);
    context.forward(traced(run.id().value(), event, now), EVENTS_SINK);
    TemplateFacts.of(type, listed, now, () -> templates.of(run))
        .ifPresent(fact ->
            context.forward(traced(fact.templateId().value(), fact, now), TEMPLATE_FACTS_SINK));
    WebhookConfig webhook = run.webhook();
    if (webhook != null && webhook.wants(type)) {
      String traceparent = TraceHeaders.traceparent(trace).orElse(null);
      context.forward(
          traced(run.id().value(), WebhookDelivery.toRunWebhook(event, webhook, traceparent), now),
          WEBHOOKS_SINK);
    }
  }

  /** The expiry index holds each unfinished run that has an expiry, at its current time. */
  private void reindexExpiry(Run before, Run after) {
    Instant was = before.status().finished() ? null : before.expiresAt();
    Instant is = after.status().finished() ? null : after.expiresAt();
    if (Objects.equals(was, is)) {
      return;
    }
    if (was != null) {
      expiry.remove(after.id().value(), was);
    }
    if (is != null) {
      expiry.add(after.id().value(), is);
    }
  }

  /** Sends the run as it is now to its organisation's run list, in this same transaction. */
  private void list(ListedRun run, Instant now) {
    context.forward(traced(run.orgId().value(), run, now), RUNS_BY_ORG_SINK);
  }

  private Record<String, Object> traced(String key, Object value, Instant now) {
    return new Record<>(key, value, now.toEpochMilli(), TraceHeaders.carried(trace));
  }

  private void sweep(long timestamp) {
    trace = TraceHeaders.carried(null);
    Instant now = Instant.ofEpochMilli(timestamp).truncatedTo(ChronoUnit.SECONDS);
    for (TimeIndex.Due due : expiry.due(now, SWEEP_BATCH)) {
      Run run = stored(due.id());
      expiry.remove(due);
      if (run != null && run.isDue(now)) {
        save(run, run.expire(now), now);
      }
    }
  }
}
