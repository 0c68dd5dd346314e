package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.contracts.kafka.TopicAdmin;
import app.rundun.contracts.kafka.Topics;
import app.rundun.ingest.IngestApiApplication;
import app.rundun.processor.RunProcessorApplication;
import app.rundun.processor.StreamsRunner;
import app.rundun.webhooks.WebhookDispatcherApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production Kafka security end to end: a broker that takes SASL/SCRAM logins and allows only what
 * ACLs grant, each service logging in as its own principal through {@code rundun.kafka.*}, holding
 * exactly the ACLs the README lists. A whole run is dispatched, done and delivered by webhook, and
 * a principal reaching for a topic it was not given is refused.
 */
class SecuredKafkaTest {

  private static final String API = "User:rundun-api";
  private static final String PROCESSOR = "User:rundun-processor";
  private static final String DISPATCHER = "User:rundun-dispatcher";
  private static final String ANALYTICS = "User:analytics";

  @Test
  void eachServiceRunsAsItsOwnPrincipalWithTheAclsOfTheReadme() throws Exception {
    try (ScramBroker broker =
            ScramBroker.start(
                List.of("rundun-api", "rundun-processor", "rundun-dispatcher", "analytics"));
        Receiver receiver = Receiver.alwaysOk();
        Services services = new Services()) {
      // Step 1: the operator's tooling creates the topics and grants the README's ACLs.
      TopicAdmin.ensureTopics(
          new KafkaClients(broker.bootstrapServers(), ScramBroker.clientSettings("admin")),
          6,
          (short) 1);
      broker.grant(readmeAcls());

      // Step 2: each service starts as its own principal.
      String bootstrap = broker.bootstrapServers();
      ConfigurableApplicationContext processor =
          RunProcessorApplication.builder()
              .registerShutdownHook(false)
              .run(
                  args(
                      "rundun-processor",
                      bootstrap,
                      "--server.port=0",
                      "--management.server.port=0",
                      "--rundun.state-dir=" + Scratch.directory("scram-state"),
                      "--rundun.advertised-host=127.0.0.1",
                      "--rundun.bind-address=127.0.0.1"));
      services.add(processor);
      Eventually.until(
          "the run-processor running",
          Duration.ofSeconds(90),
          () -> processor.getBean(StreamsRunner.class).isRunning(),
          running -> running);
      String processorUrl =
          "http://127.0.0.1:" + processor.getEnvironment().getProperty("local.server.port");
      ConfigurableApplicationContext api =
          IngestApiApplication.builder()
              .registerShutdownHook(false)
              .run(
                  args(
                      "rundun-api",
                      bootstrap,
                      "--server.port=0",
                      "--management.server.port=0",
                      "--rundun.processor-urls=" + processorUrl,
                      "--rundun.media-dir=" + Scratch.directory("scram-media"),
                      "--rundun.operator-token=" + TestSystem.OPERATOR_TOKEN));
      services.add(api);
      services.add(
          WebhookDispatcherApplication.builder()
              .registerShutdownHook(false)
              .run(
                  args(
                      "rundun-dispatcher",
                      bootstrap,
                      "--server.port=0",
                      "--rundun.webhook-retry-schedule=200ms,200ms")));
      String base = "http://127.0.0.1:" + api.getEnvironment().getProperty("local.server.port");

      // Step 3: a whole run: organisation, key, template, dispatch, open, answer, submit.
      Operator operator = new Operator(base, TestSystem.OPERATOR_TOKEN);
      String org = operator.createOrganisation("Secured", "team");
      Api live = new Api(base, operator.issueKey(org, "live", "live"), org);
      String template =
          Fixtures.template(
              live,
              Map.of(
                  "name",
                  "Odometer",
                  "steps",
                  List.of(Map.of("id", "s-od01", "type", "number", "title", "Odometer"))));
      String endpoint =
          live.post("/v1/webhook_endpoints", Map.of("url", receiver.url("/endpoint")))
              .expect(201)
              .json()
              .get("id")
              .asString();
      String run =
          live.post(
                  "/v1/runs",
                  Map.of("template_id", template, "webhook", Map.of("url", receiver.url("/h"))),
                  "secured-run")
              .expect(201)
              .json()
              .get("run_id")
              .asString();
      String path = "/v1/executor/runs/" + run;
      live.anonymous().post(path + "/open", Map.of()).expect(200);
      live.anonymous().put(path + "/steps/s-od01/answer", Map.of("value", 42150)).expect(200);
      live.anonymous().post(path + "/submit", Map.of()).expect(200);
      assertThat(live.get("/v1/runs/" + run).expect(200).json().get("status").asString())
          .isEqualTo("completed");

      // Step 4: the dispatcher delivered every event to the run's webhook and to the account
      // endpoint, and the processor logged the attempts.
      assertThat(receiver.await(6, Duration.ofSeconds(30)))
          .filteredOn(request -> request.path().equals("/endpoint"))
          .hasSize(3);
      Eventually.until(
          "the attempts in the log",
          Duration.ofSeconds(30),
          () -> live.get("/v1/runs/" + run + "/webhook_deliveries").expect(200).json(),
          log -> log.get("data").size() >= 6);

      // The processor indexes the events and reads them back from their topic.
      Eventually.until(
          "the run's events from the events API",
          Duration.ofSeconds(30),
          () -> live.get("/v1/events?run_id=" + run).expect(200).json(),
          page -> page.get("data").size() == 4);

      // The API may ask every dispatcher to recover an endpoint's failures.
      live.post(
              "/v1/webhook_endpoints/" + endpoint + "/recover",
              Map.of("since", Instant.now().minusSeconds(60).toString()))
          .expect(202);

      // Step 5: analytics reads the event topic, and nothing else.
      assertThat(consume(bootstrap, "analytics", Topics.RUN_EVENTS.name())).isPositive();
      assertThat(consume(bootstrap, "analytics", Topics.TEMPLATE_STATS.name())).isPositive();
      assertThatThrownBy(() -> consume(bootstrap, "analytics", Topics.REPLIES.name()))
          .isInstanceOf(TopicAuthorizationException.class);
      assertThatThrownBy(() -> consume(bootstrap, "rundun-api", Topics.RUN_EVENTS.name()))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  /**
   * The services started, closed last-first and before the broker, or Streams waits out its close.
   */
  private static final class Services implements AutoCloseable {
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    void add(ConfigurableApplicationContext context) {
      started.add(context);
    }

    @Override
    public void close() {
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).close();
      }
    }
  }

  /** The README's table of ACLs, one principal per service. */
  private static List<AclBinding> readmeAcls() {
    List<AclBinding> acls = new ArrayList<>();
    read(acls, API, Topics.REPLIES.name(), Topics.API_KEYS.name());
    write(
        acls,
        API,
        Topics.ORG_COMMANDS.name(),
        Topics.RUN_COMMANDS.name(),
        Topics.IDEMPOTENCY.name(),
        Topics.WEBHOOK_REDELIVERIES.name(),
        Topics.WEBHOOK_RECOVERIES.name());
    acls.add(
        allow(
            API,
            ResourceType.GROUP,
            "rundun-ingest-replies-",
            PatternType.PREFIXED,
            AclOperation.READ));

    read(
        acls,
        PROCESSOR,
        Topics.ORG_COMMANDS.name(),
        Topics.RUN_COMMANDS.name(),
        Topics.IDEMPOTENCY.name(),
        Topics.RUNS_BY_ORG.name(),
        Topics.RUN_EVENTS.name(),
        Topics.EVENTS_BY_ORG.name(),
        Topics.TEMPLATE_FACTS.name(),
        Topics.WEBHOOK_ATTEMPTS.name());
    write(
        acls,
        PROCESSOR,
        Topics.RUN_COMMANDS.name(),
        Topics.RUNS_BY_ORG.name(),
        Topics.RUN_EVENTS.name(),
        Topics.EVENTS_BY_ORG.name(),
        Topics.TEMPLATE_EVENTS.name(),
        Topics.TEMPLATE_FACTS.name(),
        Topics.TEMPLATE_STATS.name(),
        Topics.REPLIES.name(),
        Topics.API_KEYS.name(),
        Topics.WEBHOOK_DELIVERIES.name(),
        Topics.WEBHOOK_ENDPOINTS.name(),
        Topics.ACCOUNT_EVENTS.name());
    for (ResourceType type :
        List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
      acls.add(
          allow(PROCESSOR, type, "rundun-run-processor", PatternType.PREFIXED, AclOperation.ALL));
    }

    read(
        acls,
        DISPATCHER,
        Topics.WEBHOOK_DELIVERIES.name(),
        Topics.RUN_EVENTS.name(),
        Topics.WEBHOOK_ENDPOINTS.name(),
        Topics.WEBHOOK_SCHEDULE.name(),
        Topics.WEBHOOK_REDELIVERIES.name(),
        Topics.WEBHOOK_RECOVERIES.name());
    write(
        acls,
        DISPATCHER,
        Topics.WEBHOOK_SCHEDULE.name(),
        Topics.WEBHOOK_ATTEMPTS.name(),
        Topics.ORG_COMMANDS.name());
    acls.add(
        allow(
            DISPATCHER,
            ResourceType.GROUP,
            "rundun-webhook-dispatcher",
            PatternType.LITERAL,
            AclOperation.READ));

    read(
        acls,
        ANALYTICS,
        Topics.RUN_EVENTS.name(),
        Topics.TEMPLATE_EVENTS.name(),
        Topics.TEMPLATE_STATS.name(),
        Topics.ACCOUNT_EVENTS.name());
    acls.add(
        allow(ANALYTICS, ResourceType.GROUP, "analytics", PatternType.LITERAL, AclOperation.READ));
    return acls;
  }

  private static void read(List<AclBinding> acls, String principal, String... topics) {
    for (String topic : topics) {
      acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
    }
  }

  private static void write(List<AclBinding> acls, String principal, String... topics) {
    for (String topic : topics) {
      acls.add(
          allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
    }
  }

  private static AclBinding allow(
      String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
  }

  /** A service's command line: the secrets of the test system, its own Kafka login. */
  private static String[] args(String user, String bootstrap, String... more) {
    List<String> args = new ArrayList<>(List.of(more));
    args.add("--rundun.bootstrap-servers=" + bootstrap);
    ScramBroker.clientSettings(user).forEach((k, v) -> args.add("--rundun.kafka." + k + "=" + v));
    args.add("--rundun.internal-token=" + TestSystem.INTERNAL_TOKEN);
    args.add("--rundun.media-signing-secret=test-media-signing-secret");
    args.add("--rundun.member-token-secret=test-member-token-secret");
    args.add("--rundun.webhook-secret-key=" + TestSystem.WEBHOOK_SECRET_KEY);
    args.add("--rundun.webhook-allowed-cidrs=127.0.0.0/8");
    return args.toArray(String[]::new);
  }

  /** How many records the user reads from the topic, as a consumer of group {@code analytics}. */
  private static int consume(String bootstrap, String user, String topic) {
    Properties props = new Properties();
    props.putAll(ScramBroker.clientSettings(user));
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "analytics");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < 6; p++) {
        partitions.add(new TopicPartition(topic, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      int count = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline && count == 0) {
        count += consumer.poll(Duration.ofMillis(500)).count();
      }
      return count;
    }
  }
}
