package app.rundun.processor.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import app.rundun.contracts.commands.Reply;
import app.rundun.processor.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class CommitPacingTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
  private final CommitPacing pacing = new CommitPacing(clock, Duration.ofMillis(5));
  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

  @Test
  void anAwaitedCommandAfterAQuietGapIsCommittedAtOnce() {
    pacing.processed(awaited(), context);

    assertThat(context.committed()).isTrue();
  }

  @Test
  void awaitedCommandsCloseTogetherWaitForTheCommitInterval() {
    pacing.processed(awaited(), context);
    context.resetCommit();

    clock.advance(Duration.ofMillis(4));
    pacing.processed(awaited(), context);
    clock.advance(Duration.ofMillis(4));
    pacing.processed(awaited(), context);

    assertThat(context.committed()).isFalse();
  }

  @Test
  void theGapIsCountedFromThePreviousAwaitedCommand() {
    pacing.processed(awaited(), context);
    clock.advance(Duration.ofMillis(4));
    pacing.processed(awaited(), context);
    context.resetCommit();

    clock.advance(Duration.ofMillis(5));
    pacing.processed(awaited(), context);

    assertThat(context.committed()).isTrue();
  }

  @Test
  void aCommandNobodyWaitsForNeverHurriesACommit() {
    pacing.processed(new Record<>("org", "touch", 0L), context);

    assertThat(context.committed()).isFalse();
  }

  @Test
  void aNegativeGapIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CommitPacing(clock, Duration.ofMillis(-1)));
  }

  private static Record<String, String> awaited() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(Reply.CORRELATION_HEADER, "request-1".getBytes(StandardCharsets.UTF_8));
    return new Record<>("org", "command", 0L, headers);
  }
}
