package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.kafka.TraceHeaders;
import app.rundun.processor.StreamsRunner;
import app.rundun.processor.runs.RunStage;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A caller's W3C trace follows its request across Kafka: the trace id of {@code POST /v1/runs} is
 * on the command the org stage passes on, on what the run stage writes, on {@code run.created} and
 * on the webhook request the receiver gets, from a span of the dispatcher's own; an executor's call
 * is a trace of its own, to its {@code run.opened} webhook. A read's trace goes on through the
 * run-processor instance the API asks and the owner that one forwards to.
 */
class TraceTest {

  @Test
  void aRequestsTraceIdTravelsThroughTheCommandsBothStagesTheEventAndTheWebhook() throws Exception {
    try (Receiver receiver = Receiver.alwaysOk()) {
      Api live = TestSystem.newOrganisation("business");
      String template = Fixtures.oneStepTemplate(live, "Traced");

      // Step 1: a dispatch in the integrator's trace.
      String dispatchTrace = hex(16);
      String runId =
          live.postTraced(
                  "/v1/runs",
                  Map.of(
                      "template_id",
                      template,
                      "webhook",
                      Map.of(
                          "url",
                          receiver.url("/traced"),
                          "events",
                          List.of("run.created", "run.opened"))),
                  traceparent(dispatchTrace))
              .expect(201)
              .json()
              .get("run_id")
              .asString();

      // Step 2: the org stage passed the trace to the run's start command, the run stage to its
      // run list entry.
      assertThat(traceIdOf(Topics.RUN_COMMANDS.name(), r -> runId.equals(r.key())))
          .as("trace of the start command")
          .isEqualTo(dispatchTrace);
      assertThat(
              traceIdOf(
                  Topics.RUNS_BY_ORG.name(),
                  r -> r.value() != null && r.value().contains("\"" + runId + "\"")))
          .as("trace of the run list entry")
          .isEqualTo(dispatchTrace);

      // Step 3: run.created and its webhook request carry the dispatch's trace.
      assertThat(traceIdOf(Topics.RUN_EVENTS.name(), event(runId, "run.created")))
          .as("trace of run.created on the event topic")
          .isEqualTo(dispatchTrace);
      Receiver.Received created = receiver.await(1, Duration.ofSeconds(30)).getFirst();
      assertThat(created.body()).contains("\"type\":\"run.created\"");
      assertThat(traceId(created)).as("the run.created webhook's trace").isEqualTo(dispatchTrace);

      // Step 4: the executor opens the run in a trace of its own.
      String openTrace = hex(16);
      live.anonymous()
          .postTraced("/v1/executor/runs/" + runId + "/open", Map.of(), traceparent(openTrace))
          .expect(200);

      // Step 5: run.opened and its webhook request carry that one.
      assertThat(traceIdOf(Topics.RUN_EVENTS.name(), event(runId, "run.opened")))
          .as("trace of run.opened on the event topic")
          .isEqualTo(openTrace);
      Receiver.Received opened = receiver.await(2, Duration.ofSeconds(30)).get(1);
      assertThat(opened.body()).contains("\"type\":\"run.opened\"");
      assertThat(traceId(opened)).as("the run.opened webhook's trace").isEqualTo(openTrace);
    }
  }

  @Test
  void aReadsTraceGoesOnThroughTheRunProcessorItAsksAndTheOwnerThatOneForwardsTo()
      throws Exception {
    // Step 1: a second run-processor instance, and a run it owns. The API asks the first instance,
    // which forwards the read to the owner.
    StreamsRunner second = TestSystem.secondProcessor();
    Api live = TestSystem.newOrganisation("business");
    String template = Fixtures.oneStepTemplate(live, "Read in a trace");
    String runId =
        Eventually.until(
            "a run the second instance owns",
            Duration.ofSeconds(60),
            () -> Fixtures.dispatch(live, template),
            run -> TestSystem.owns(second, RunStage.RUNS_STORE, run));

    // Step 2: the integrator reads it in a sampled trace of its own.
    String traceId = hex(16);
    String callerSpan = hex(8);
    live.getTraced("/v1/runs/" + runId, "00-" + traceId + "-" + callerSpan + "-01").expect(200);

    // Step 3: a tracing backend gets one server span per hop, each the child of the one before:
    // the API's, the instance it asked, the owner.
    List<SpanCollector.Span> spans =
        TestSystem.spans().awaitTrace(traceId, 3, Duration.ofSeconds(30));
    SpanCollector.Span api = childOf(spans, callerSpan);
    assertThat(api.service()).as("the first hop's service").isEqualTo("ingest-api");
    SpanCollector.Span asked = childOf(spans, api.id());
    assertThat(asked.service()).as("the second hop's service").isEqualTo("run-processor");
    SpanCollector.Span owner = childOf(spans, asked.id());
    assertThat(owner.service()).as("the third hop's service").isEqualTo("run-processor");
    assertThat(List.of(api, asked, owner))
        .extracting(SpanCollector.Span::kind)
        .containsOnly("SPAN_KIND_SERVER");
  }

  /** The one span of the trace whose parent is {@code parentId}. */
  private static SpanCollector.Span childOf(List<SpanCollector.Span> spans, String parentId) {
    List<SpanCollector.Span> children =
        spans.stream().filter(span -> span.parent().equals(parentId)).toList();
    assertThat(children).as("the spans whose parent is %s, of %s", parentId, spans).hasSize(1);
    return children.getFirst();
  }

  private static Predicate<ConsumerRecord<String, String>> event(String runId, String type) {
    return r -> runId.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\"");
  }

  /** The trace id of the {@code traceparent} a receiver got, checked to be well formed. */
  private static String traceId(Receiver.Received webhook) {
    String sent = webhook.header("traceparent");
    assertThat(sent).as("the webhook's traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    return sent.split("-")[1];
  }

  private static String traceparent(String traceId) {
    return "00-" + traceId + "-" + hex(8) + "-01";
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** The trace id in the {@code traceparent} of the first committed record that matches. */
  private static String traceIdOf(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
    List<ConsumerRecord<String, String>> found =
        RunEvents.committed(topic, wanted, 1, Duration.ofSeconds(30));
    if (found.isEmpty()) {
      return "no matching record on " + topic;
    }
    return TraceHeaders.traceparent(found.getFirst().headers())
        .map(header -> header.split("-")[1])
        .orElse("no traceparent on " + topic);
  }
}
