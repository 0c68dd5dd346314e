package app.rundun.launcher;

import app.rundun.ingest.IngestApiApplication;
import app.rundun.processor.RunProcessorApplication;
import app.rundun.processor.StreamsRunner;
import app.rundun.webhooks.WebhookDispatcherApplication;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system on one machine: an embedded broker (unless one is given) and the three services,
 * each in its own application context. It alone closes them, services first and the broker last:
 * their own shutdown hooks are off, or a JVM exit would close the broker under a closing service.
 * The launcher and the end-to-end tests both start it this way, so what the tests prove is what a
 * user runs.
 */
public final class RundunSystem implements AutoCloseable {

  private final SystemSettings settings;
  private EmbeddedBroker broker;
  private final String bootstrapServers;
  private final List<ConfigurableApplicationContext> processors = new ArrayList<>();
  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
  private String apiBaseUrl;
  private ConfigurableApplicationContext api;
  private ConfigurableApplicationContext dispatcher;

  /** The services of one machine share a JVM, so their internal credential is made per start. */
  private final String internalToken = "rdi_" + UUID.randomUUID().toString().replace("-", "");

  private RundunSystem(SystemSettings settings, EmbeddedBroker broker, String bootstrapServers) {
    this.settings = settings;
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
  }

  public static RundunSystem start(SystemSettings settings) throws IOException {
    EmbeddedBroker broker = null;
    String bootstrap = settings.externalBootstrapServers();
    if (bootstrap == null) {
      broker =
          EmbeddedBroker.start(
              settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
      bootstrap = broker.bootstrapServers();
    }
    RundunSystem system = new RundunSystem(settings, broker, bootstrap);
    try {
      String processorUrl = system.startProcessor("processor-1", settings.processorPort());
      system.api = system.startApi(settings.apiPort(), List.of(processorUrl), Map.of(), null);
      system.apiBaseUrl = baseUrl(system.api);
      system.startDispatcher();
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  /** Starts another run-processor instance of the same application; returns its query URL. */
  public String startProcessor(String name, int port) {
    Map<String, Object> props = common();
    props.put("server.port", port);
    props.put(
        "management.server.port", processors.isEmpty() ? settings.processorManagementPort() : 0);
    props.put("rundun.state-dir", settings.dataDir().resolve("streams").resolve(name).toString());
    ConfigurableApplicationContext context =
        RunProcessorApplication.builder().registerShutdownHook(false).run(arguments(props));
    processors.add(context);
    contexts.add(context);
    // A new instance moves tasks: every instance is waited for, not only the new one.
    for (ConfigurableApplicationContext processor : processors) {
      awaitRunning(processor.getBean(StreamsRunner.class), name);
    }
    return baseUrl(context);
  }

  private static void awaitRunning(StreamsRunner runner, String name) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!runner.isRunning()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not start processing within 2 minutes");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting " + name, e);
      }
    }
  }

  /**
   * Starts another ingest-api instance on the same cluster, asking the given run-processor
   * instances; returns its base URL. Instances share nothing but Kafka.
   */
  public String startAnotherApi(List<String> processorUrls) {
    return startAnotherApi(processorUrls, Map.of());
  }

  /** As {@link #startAnotherApi(List)}, with settings of its own (e.g. another media store). */
  public String startAnotherApi(List<String> processorUrls, Map<String, String> extraProperties) {
    return baseUrl(startApi(0, processorUrls, extraProperties, null));
  }

  /** As {@link #startAnotherApi(List, Map)}, its time told by {@code clock}. */
  public String startAnotherApi(
      List<String> processorUrls, Map<String, String> extraProperties, Clock clock) {
    return baseUrl(startApi(0, processorUrls, extraProperties, clock));
  }

  /** Stops a run-processor instance, as an operator would, leaving the group at once. */
  public void stopProcessor(int index) {
    ConfigurableApplicationContext processor = processors.remove(index);
    contexts.remove(processor);
    processor.close();
  }

  /** Stops the embedded broker, as an outage would: the services stay up and must ride it out. */
  public void stopBroker() {
    broker.close();
  }

  /** Starts the embedded broker again, on the same ports and the same log. */
  public void restartBroker() throws IOException {
    broker =
        EmbeddedBroker.start(
            settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
  }

  /** The query URL of each run-processor instance, in the order they started. */
  public List<String> processorUrls() {
    return processors.stream().map(RundunSystem::baseUrl).toList();
  }

  private static String baseUrl(ConfigurableApplicationContext context) {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  private ConfigurableApplicationContext startApi(
      int port, List<String> processorUrls, Map<String, String> extraProperties, Clock clock) {
    Map<String, Object> props = common();
    props.putAll(photoLinks());
    props.put("server.port", port);
    props.put("management.server.port", api == null ? settings.apiManagementPort() : 0);
    props.put("rundun.processor-urls", String.join(",", processorUrls));
    props.put("rundun.media-dir", settings.dataDir().resolve("media").toString());
    // Made on the first start and kept: reports stay checkable against the same key.
    props.put(
        "rundun.reports.keystore", settings.dataDir().resolve("report-signing.p12").toString());
    props.put("rundun.operator-token", settings.operatorToken());
    props.putAll(extraProperties);
    SpringApplicationBuilder builder = IngestApiApplication.builder().registerShutdownHook(false);
    if (clock != null) {
      builder.initializers(starting -> starting.getBeanFactory().registerSingleton("clock", clock));
    }
    ConfigurableApplicationContext context = builder.run(arguments(props));
    contexts.add(context);
    return context;
  }

  private void startDispatcher() {
    Map<String, Object> props = common();
    props.putAll(photoLinks());
    props.put("server.port", settings.dispatcherManagementPort());
    dispatcher =
        WebhookDispatcherApplication.builder().registerShutdownHook(false).run(arguments(props));
    contexts.add(dispatcher);
  }

  /** What signs photo URLs: the API, as runs are read, and the dispatcher, at each attempt. */
  private Map<String, Object> photoLinks() {
    Map<String, Object> props = new HashMap<>();
    props.put("rundun.media-signing-secret", settings.mediaSigningSecret());
    props.put(
        "rundun.public-base-url",
        settings.publicBaseUrl() == null
            ? "http://127.0.0.1:" + settings.apiPort()
            : settings.publicBaseUrl());
    props.putAll(settings.extraProperties());
    return props;
  }

  /** As command-line arguments, which take precedence over each service's own settings file. */
  private static String[] arguments(Map<String, Object> props) {
    return props.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private Map<String, Object> common() {
    Map<String, Object> props = new HashMap<>();
    props.put("rundun.bootstrap-servers", bootstrapServers);
    props.put("rundun.member-token-secret", settings.memberTokenSecret());
    props.put("rundun.webhook-secret-key", settings.webhookSecretKey());
    props.put("rundun.webhook-allowed-cidrs", settings.webhookAllowedCidrs());
    props.put("rundun.advertised-host", "127.0.0.1");
    props.put("rundun.bind-address", "127.0.0.1");
    props.put("rundun.internal-token", internalToken);
    props.put("rundun.metrics-token", settings.metricsToken());
    // Tomcat's work folders with the rest of the data: made in the temp folder, every start left
    // five behind. Each server's engine has a name of its own in the JVM, so they can share it.
    props.put("server.tomcat.basedir", settings.dataDir().resolve("tomcat").toString());
    props.putAll(settings.extraProperties());
    return props;
  }

  public String apiBaseUrl() {
    return apiBaseUrl;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The ingest-api's application context. */
  public ConfigurableApplicationContext api() {
    return api;
  }

  /** Where a service of this system answers its probes and the Prometheus scrape. */
  public record ManagementTarget(String service, String url) {}

  /** The management endpoint of the first ingest-api, each run-processor and the dispatcher. */
  public List<ManagementTarget> managementTargets() {
    List<ManagementTarget> targets = new ArrayList<>();
    targets.add(management(api, "local.management.port"));
    processors.forEach(processor -> targets.add(management(processor, "local.management.port")));
    targets.add(management(dispatcher, "local.server.port"));
    return targets;
  }

  private static ManagementTarget management(
      ConfigurableApplicationContext context, String portProperty) {
    return new ManagementTarget(
        context.getEnvironment().getProperty("spring.application.name"),
        "http://127.0.0.1:" + context.getEnvironment().getProperty(portProperty));
  }

  /** The run-processor instances, in the order they started. */
  public List<ConfigurableApplicationContext> processors() {
    return List.copyOf(processors);
  }

  @Override
  public void close() {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      contexts.get(i).close();
    }
    if (broker != null) {
      broker.close();
    }
  }
}
