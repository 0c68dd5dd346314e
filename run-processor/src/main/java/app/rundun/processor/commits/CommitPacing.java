package app.rundun.processor.commits;

import app.rundun.contracts.commands.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Commits a command somebody waits for at once when commands come one at a time, and leaves them to
 * the commit interval when they come close together.
 *
 * <p>A request waits for the transaction that holds its command to commit (twice for a create: the
 * organisation's stage, then the run's). Each commit costs the broker and this instance about the
 * same whatever it carries, so under load a long interval carries many commands per commit; but a
 * caller alone would wait for that interval at every stage. So a command that reaches its stage
 * {@code quiet} or longer after the stage's previous awaited one is committed as soon as it is
 * processed, and the ones that follow it closely ride the interval. Each stage has its own pacing,
 * shared by its tasks, since a create's two stages follow each other closely whatever the load. On
 * 2 cores (README, {@code rundun.commit-quiet-gap}) one caller's create went from 23-26 ms to 14-20
 * ms, creates at 128 connections no fewer.
 */
public final class CommitPacing {

  private final Clock clock;
  private final long quietMillis;
  private final AtomicLong lastAwaited = new AtomicLong(Long.MIN_VALUE / 2);

  public CommitPacing(Clock clock, Duration quiet) {
    if (quiet.isNegative()) {
      throw new IllegalArgumentException("A quiet gap is not negative: " + quiet);
    }
    this.clock = clock;
    this.quietMillis = quiet.toMillis();
  }

  /** Asks for a commit at once if {@code record} is awaited and the stage was quiet before it. */
  public void processed(Record<?, ?> record, ProcessorContext<?, ?> context) {
    if (record.headers().lastHeader(Reply.CORRELATION_HEADER) != null && quietBefore()) {
      context.commit();
    }
  }

  /** Whether the previous awaited command came {@code quiet} or longer ago; counts this one. */
  boolean quietBefore() {
    long now = clock.millis();
    return now - lastAwaited.getAndSet(now) >= quietMillis;
  }
}
