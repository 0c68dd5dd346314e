package app.rundun.launcher;

import app.rundun.processor.StreamsRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One real system per test JVM: an in-process KRaft broker, the three services on free ports, and
 * real HTTP. Started on first use and shared by the end-to-end tests, which each make their own
 * organisations so they never see each other's data.
 */
final class TestSystem {

  static final String OPERATOR_TOKEN = "rdo_test_operator_token";
  static final String APPLE_APP_ID = "ABCDE12345.app.rundun.executor";
  static final String ANDROID_FINGERPRINT =
      "14:6D:E9:83:C5:73:06:50:D8:EE:B9:95:2F:34:FC:64:16:A0:83:42:E6:1D:BE:A8:8A:04:96:B2:3F:CF:44:E5";
  static final String WEBHOOK_SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  /** Fixed, so that a run-processor in a child JVM can join the in-process ones. */
  static final String INTERNAL_TOKEN = "rdi_test_internal_token";

  static final String METRICS_TOKEN = "rdm_test_metrics_token";

  private static final Map<String, String> COMMON_PROPERTIES =
      Map.ofEntries(
          Map.entry("rundun.expiry-sweep-interval", "200ms"),
          // Load tests drive one key far past any plan's limit; RateLimitTest turns them on.
          Map.entry("rundun.rate-limits.enabled", "false"),
          Map.entry("rundun.internal-token", INTERNAL_TOKEN),
          Map.entry("rundun.webhook-retry-schedule", "200ms,200ms,200ms"),
          Map.entry("rundun.webhook-timeout", "2s"),
          // Long enough that no other test's failing endpoint gets there (EndpointAutoDisableTest).
          Map.entry("rundun.webhook-endpoint-disable-after", "8s"),
          Map.entry("rundun.webhook-session-timeout", "6s"),
          Map.entry("rundun.webhook-concurrency", "16"),
          Map.entry("rundun.webhook-concurrency-per-host", "4"),
          Map.entry("rundun.webhook-max-waiting-per-host", "8"),
          Map.entry("rundun.session-timeout", "6s"),
          Map.entry("rundun.app-links.apple-app-ids", APPLE_APP_ID),
          Map.entry("rundun.app-links.android-package", "app.rundun.executor"),
          Map.entry("rundun.app-links.android-sha256-fingerprints", ANDROID_FINGERPRINT));
  private static RundunSystem system;
  private static SpanCollector spans;

  private TestSystem() {}

  static synchronized RundunSystem get() {
    if (system == null) {
      spans = new SpanCollector();
      Scratch.closeAtExit(spans);
      system =
          startSeparate(
              null,
              "management.opentelemetry.tracing.export.otlp.endpoint",
              spans.endpoint(),
              "management.opentelemetry.tracing.export.schedule-delay",
              "200ms");
      Scratch.closeAtExit(system);
    }
    return system;
  }

  /** Every span the shared system's services exported, as a tracing backend gets them. */
  static synchronized SpanCollector spans() {
    get();
    return spans;
  }

  /**
   * A system of its own, for a test that breaks its Kafka: on a broker of its own (on a fixed port,
   * so it can be restarted) or on the given cluster. The caller closes it.
   */
  static RundunSystem startSeparate(String externalBootstrapServers, String... extraProperties) {
    Map<String, String> properties = new HashMap<>(COMMON_PROPERTIES);
    for (int i = 0; i < extraProperties.length; i += 2) {
      properties.put(extraProperties[i], extraProperties[i + 1]);
    }
    try {
      return RundunSystem.start(
          SystemSettings.local(Scratch.directory("e2e"))
              .withExternalKafka(externalBootstrapServers)
              .withOperatorToken(OPERATOR_TOKEN)
              .withMediaSigningSecret("test-media-signing-secret")
              .withMemberTokenSecret("test-member-token-secret")
              .withWebhookSecretKey(WEBHOOK_SECRET_KEY)
              .withMetricsToken(METRICS_TOKEN)
              .withWebhookAllowedCidrs(SystemSettings.LOOPBACK)
              .withProperties(properties));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the run-processor group is the in-process instances only, all running: after a test
   * has killed an instance of its own, the next test starts on a settled system.
   */
  static void awaitProcessorsSettled() throws InterruptedException {
    List<StreamsRunner> runners =
        get().processors().stream().map(context -> context.getBean(StreamsRunner.class)).toList();
    // A cooperative rebalance runs in two rounds with RUNNING in between: settled means it stays
    // so.
    java.util.function.BooleanSupplier running =
        () ->
            runners.stream()
                .allMatch(r ->
                    r.isRunning()
                        && r.streams().metadataForAllStreamsClients().size() == runners.size());
    boolean settled =
        Eventually.holds(
            java.time.Duration.ofSeconds(60),
            () -> Eventually.stays(java.time.Duration.ofSeconds(1), running));
    if (!settled) {
      throw new AssertionError("The run-processor group did not settle");
    }
  }

  /**
   * The second run-processor instance, started if it is not running yet, with the group settled.
   * The shared API asks only the first instance, so what the second owns is read through the
   * first's forwarding.
   */
  static StreamsRunner secondProcessor() throws InterruptedException {
    RundunSystem shared = get();
    synchronized (TestSystem.class) {
      if (shared.processors().size() < 2) {
        shared.startProcessor("processor-2", 0);
      }
    }
    awaitProcessorsSettled();
    return shared.processors().get(1).getBean(StreamsRunner.class);
  }

  /** Whether {@code instance} holds the active copy of {@code key} in {@code store}. */
  static boolean owns(StreamsRunner instance, String store, String key) {
    return instance
        .self()
        .equals(
            instance
                .streams()
                .queryMetadataForKey(store, key, new StringSerializer())
                .activeHost());
  }

  static Api operator() {
    return new Api(get().apiBaseUrl(), OPERATOR_TOKEN);
  }

  /** A new organisation on the plan, with a live key; returns the API as that key. */
  static Api newOrganisation(String plan) {
    return newOrganisationWithModes(plan)[0];
  }

  /** A new organisation: its live key's API, then its test key's. */
  static Api[] newOrganisationWithModes(String plan) {
    return newOrganisationWithModes(get(), plan);
  }

  /** A new organisation on the given system: its live key's API, then its test key's. */
  static Api[] newOrganisationWithModes(RundunSystem on, String plan) {
    Operator operator = new Operator(on.apiBaseUrl(), OPERATOR_TOKEN);
    String orgId = operator.createOrganisation("Org " + plan, plan);
    return new Api[] {
      new Api(on.apiBaseUrl(), operator.issueKey(orgId, "Alex", "live"), orgId),
      new Api(on.apiBaseUrl(), operator.issueKey(orgId, "Alex (test)", "test"), orgId)
    };
  }

  static tools.jackson.databind.JsonNode json(String body) {
    return app.rundun.contracts.json.Json.mapper().readTree(body);
  }
}
