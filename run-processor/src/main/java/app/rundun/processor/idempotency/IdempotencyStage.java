package app.rundun.processor.idempotency;

import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.idempotency.ClaimOutcome;
import app.rundun.contracts.idempotency.IdempotencyCommand;
import app.rundun.processor.commits.CommitPacing;
import app.rundun.processor.stores.StoreBuilders;
import app.rundun.processor.stores.TimeIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stripe's Idempotency-Key semantics for every POST. The API claims a key before running the
 * request and completes it with the response after: a retry then gets that response again, a
 * request with the key while the first is still running gets 409, and the key with other parameters
 * gets 400. A claim is one record on one partition, so two API instances racing for a key are
 * serialised here and exactly one wins.
 */
public final class IdempotencyStage
    implements Processor<String, IdempotencyCommand, String, Reply> {

  public static final String STORE = "idempotency-claims-store";
  public static final String EXPIRY_STORE = "idempotency-expiry-store";
  public static final String REPLIES_SINK = "idempotency-replies-sink";

  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
  private static final int SWEEP_BATCH = 10_000;

  private final Clock clock;
  private final CommitPacing pacing;
  private ProcessorContext<String, Reply> context;
  private KeyValueStore<String, KeyClaim> claims;
  private TimeIndex ends;

  public IdempotencyStage(Clock clock, CommitPacing pacing) {
    this.clock = clock;
    this.pacing = pacing;
  }

  public static List<StoreBuilder<?>> storeBuilders() {
    return List.of(StoreBuilders.json(STORE, KeyClaim.class), StoreBuilders.strings(EXPIRY_STORE));
  }

  @Override
  public void init(ProcessorContext<String, Reply> context) {
    this.context = context;
    this.claims = context.getStateStore(STORE);
    this.ends = new TimeIndex(context.getStateStore(EXPIRY_STORE));
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forgetEnded);
  }

  @Override
  public void process(Record<String, IdempotencyCommand> record) {
    IdempotencyCommand command = record.value();
    if (command == null) {
      return;
    }
    Instant now = clock.instant();
    String id = command.recordKey();
    KeyClaim current = claims.get(id);
    switch (command) {
      case IdempotencyCommand.Claim claim when now.isAfter(claim.answerBy()) -> {
        // Its request has given up waiting and answered 503; a retry will claim afresh.
      }
      case IdempotencyCommand.Claim claim -> {
        ClaimOutcome refusal = current == null ? null : current.refuse(claim.requestHash(), now);
        if (refusal == null) {
          save(id, KeyClaim.claim(claim.requestHash(), now));
        }
        if (record.headers().lastHeader(Reply.CORRELATION_HEADER) != null) {
          ClaimOutcome outcome =
              refusal == null ? ClaimOutcome.of(ClaimOutcome.State.CLAIMED) : refusal;
          context.forward(record.withValue(Reply.ok(outcome)), REPLIES_SINK);
          pacing.processed(record, context);
        }
      }
      case IdempotencyCommand.Complete done -> {
        if (heldBy(current, done)) {
          save(id, current.complete(done.status(), done.body(), now));
        }
      }
      case IdempotencyCommand.Release release -> {
        if (heldBy(current, release)) {
          claims.delete(id);
        }
      }
    }
  }

  /** Only the request that holds the key, still running, may complete or release it. */
  private static boolean heldBy(KeyClaim current, IdempotencyCommand command) {
    return current != null
        && !current.isDone()
        && current.requestHash().equals(command.requestHash());
  }

  private void save(String id, KeyClaim claim) {
    claims.put(id, claim);
    ends.add(id, claim.endOfLife());
  }

  private void forgetEnded(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    for (TimeIndex.Due due : ends.due(now, SWEEP_BATCH)) {
      ends.remove(due);
      KeyClaim claim = claims.get(due.id());
      if (claim != null && !claim.endOfLife().isAfter(now)) {
        claims.delete(due.id());
      }
    }
  }
}
