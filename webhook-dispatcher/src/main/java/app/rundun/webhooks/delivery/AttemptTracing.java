package app.rundun.webhooks.delivery;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Each webhook attempt as a client span in the trace of the command that caused its event (the
 * {@code traceparent} the run stage kept with the delivery), and that span's {@code traceparent}
 * sent to the receiver, so the receiver's own tracing joins the same trace. A delivery without a
 * trace context is attempted without one.
 */
public final class AttemptTracing {

  private final Tracer tracer;
  private final Propagator propagator;

  public AttemptTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Runs the attempt with the headers that carry its span; ends the span after it. */
  public <T> T around(
      String traceparent, String eventType, Function<Map<String, String>, T> attempt) {
    if (traceparent == null) {
      return attempt.apply(Map.of());
    }
    Span span =
        propagator
            .extract(Map.of("traceparent", traceparent), Map::get)
            .name("webhook " + eventType)
            .kind(Span.Kind.CLIENT)
            .start();
    // In scope while it runs, so that what the attempt logs carries the trace id.
    Tracer.SpanInScope scope = tracer.withSpan(span);
    try {
      Map<String, String> headers = new HashMap<>();
      propagator.inject(span.context(), headers, Map::put);
      return attempt.apply(headers);
    } finally {
      scope.close();
      span.end();
    }
  }
}
