package app.rundun.ingest.commands;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.idempotency.ClaimOutcome;
import app.rundun.contracts.idempotency.IdempotencyCommand;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.kafka.Topic;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.ingest.IngestProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.RequestReplyFuture;
import org.springframework.stereotype.Component;

/**
 * Publishes a command and waits for the processor's reply, so the API answers with the outcome
 * (201, 402, 404, 409) rather than a promise. A command that is not confirmed in time answers 503:
 * the caller knows it was not acknowledged.
 */
@Component
public class CommandBus {

  private static final Logger log = LoggerFactory.getLogger(CommandBus.class);
  private static final Duration WAIT_SLICE = Duration.ofMillis(250);
  private static final Duration REPLY_SLACK = Duration.ofMillis(500);

  private final ReplyingKafkaTemplate<String, byte[], byte[]> template;
  private final Duration timeout;
  private final KafkaReachability kafka;
  private final AtomicInteger waiting = new AtomicInteger();
  private final MeterRegistry registry;
  private final Tracer tracer;
  private final Propagator propagator;

  CommandBus(
      ReplyingKafkaTemplate<String, byte[], byte[]> template,
      KafkaReachability kafka,
      IngestProperties properties,
      MeterRegistry registry,
      Tracer tracer,
      Propagator propagator) {
    this.template = template;
    this.tracer = tracer;
    this.propagator = propagator;
    this.registry = registry;
    Gauge.builder("rundun.commands.waiting", waiting, AtomicInteger::get)
        .description("Requests waiting for their command's outcome right now")
        .register(registry);
    this.kafka = kafka;
    this.timeout = properties.commandTimeout();
  }

  public <T> T send(OrgCommand command, Class<T> answer) {
    return send(Topics.ORG_COMMANDS, command.orgId().value(), command, answer);
  }

  public <T> T send(RunCommand command, Class<T> answer) {
    return send(Topics.RUN_COMMANDS, command.runId().value(), command, answer);
  }

  /** Claims an Idempotency-Key before its request runs. */
  public ClaimOutcome send(IdempotencyCommand.Claim claim) {
    return send(Topics.IDEMPOTENCY, claim.recordKey(), claim, ClaimOutcome.class);
  }

  /**
   * Completes or releases an Idempotency-Key; acknowledged by Kafka, nothing to wait for beyond.
   */
  public void publish(IdempotencyCommand settled) {
    publish(Topics.IDEMPOTENCY, settled.recordKey(), settled);
  }

  /** Publishes a redelivery request; it has no outcome to wait for beyond Kafka's ack. */
  public void publish(Redelivery redelivery) {
    publish(Topics.WEBHOOK_REDELIVERIES, redelivery.runId(), redelivery);
  }

  /** Publishes a recovery to every partition, where each dispatcher finds its share. */
  public void publish(Recovery recovery) {
    int partitions = template.partitionsFor(Topics.WEBHOOK_RECOVERIES.name()).size();
    for (int partition = 0; partition < partitions; partition++) {
      publish(Topics.WEBHOOK_RECOVERIES, partition, recovery.endpointId(), recovery);
    }
  }

  /**
   * Publishes a command nobody waits for (a key's last use): a failure is only logged, and the next
   * use publishes again.
   */
  public void publishInBackground(OrgCommand command) {
    try {
      template
          .send(
              traced(
                  new ProducerRecord<>(
                      Topics.ORG_COMMANDS.name(),
                      command.orgId().value(),
                      Topics.ORG_COMMANDS.serializeValue(command))))
          .whenComplete((sent, failure) -> {
            if (failure != null) {
              log.debug("{} was not published", command.getClass().getSimpleName(), failure);
            }
          });
    } catch (KafkaException | org.springframework.kafka.KafkaException e) {
      log.debug("{} was not published", command.getClass().getSimpleName(), e);
    }
  }

  private <V> void publish(Topic<String, V> topic, String key, V value) {
    publish(topic, null, key, value);
  }

  /** {@code partition} null: the key's. */
  private <V> void publish(Topic<String, V> topic, Integer partition, String key, V value) {
    ProducerRecord<String, byte[]> record =
        traced(new ProducerRecord<>(topic.name(), partition, key, topic.serializeValue(value)));
    kafka.ensureReachable();
    try {
      template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException
        | ExecutionException
        | KafkaException
        | org.springframework.kafka.KafkaException e) {
      throw new ApiException(
          ErrorCode.UNAVAILABLE, "The request could not be recorded; retry it.", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ErrorCode.UNAVAILABLE, "The request was interrupted; retry it.", null);
    }
  }

  private <C, T> T send(Topic<String, C> topic, String key, C command, Class<T> answer) {
    ProducerRecord<String, byte[]> record =
        traced(new ProducerRecord<>(topic.name(), key, topic.serializeValue(command)));
    kafka.ensureReachable();
    waiting.incrementAndGet();
    RequestReplyFuture<String, byte[], byte[]> future = null;
    Timer.Sample sample = Timer.start(registry);
    String outcome = ErrorCode.UNAVAILABLE.code();
    try {
      future = template.sendAndReceive(record, timeout);
      ConsumerRecord<String, byte[]> consumed = awaitReply(future);
      Reply reply = Topics.REPLIES.deserializeValue(consumed.value());
      if (!reply.isOk()) {
        outcome = reply.error().error();
        throw reply.error().toException();
      }
      outcome = "ok";
      return Json.mapper().treeToValue(reply.body(), answer);
    } catch (TimeoutException
        | ExecutionException
        | KafkaException
        | org.springframework.kafka.KafkaException e) {
      // Spring wraps a send that fails at once (no metadata within max.block.ms) in its own type.
      if (future != null) {
        future.cancel(false);
      }
      throw new ApiException(
          ErrorCode.UNAVAILABLE,
          "The request was not confirmed in time and may not have been applied; retry it.",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ErrorCode.UNAVAILABLE, "The request was interrupted; retry it.", null);
    } finally {
      waiting.decrementAndGet();
      sample.stop(
          Timer.builder("rundun.commands")
              .description("Commands sent to the run-processor, and the wait for their outcome")
              .tag("command", command.getClass().getSimpleName())
              .tag("outcome", outcome)
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  /**
   * The request's trace context as W3C headers on the command, for the stages to carry on to the
   * events and the webhook attempts.
   */
  private ProducerRecord<String, byte[]> traced(ProducerRecord<String, byte[]> record) {
    TraceContext context = tracer.currentTraceContext().context();
    if (context != null) {
      propagator.inject(
          context,
          record.headers(),
          (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    }
    return record;
  }

  /**
   * Waits for the reply in short slices, so that a request caught by an outage answers 503 as soon
   * as Kafka is seen unreachable rather than at the end of the command timeout.
   */
  private ConsumerRecord<String, byte[]> awaitReply(
      RequestReplyFuture<String, byte[], byte[]> future)
      throws TimeoutException, ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos() + REPLY_SLACK.toNanos();
    while (true) {
      try {
        return future.get(WAIT_SLICE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (!kafka.reachable() || System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }
}
