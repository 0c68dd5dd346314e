package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint that hands out a secret is called (several with an Idempotency-Key, so that their
 * answers are kept for replay), then every record of every topic on the broker, changelogs and
 * aborted transactions included, is read for them: webhook secrets, API keys, invite and member
 * tokens, and BCrypt hashes outside the members store (and the command that fills it).
 */
class SecretScanTest {

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$");

  /** The one store meant to hold password hashes, and the command log it is built from. */
  private static final Set<String> HASH_HOLDERS =
      Set.of("rundun-run-processor-members-store-changelog", "rundun.org-commands");

  @Test
  void noSecretIsKeptInTheClearOnAnyTopicOrChangelog() throws Exception {
    Api[] modes = TestSystem.newOrganisationWithModes("team");
    Api live = modes[0];
    List<String> secrets = new ArrayList<>(List.of(live.key(), modes[1].key()));
    String issued =
        TestSystem.operator()
            .post(
                "/admin/v1/organisations/" + live.orgId() + "/api_keys",
                Map.of("name", "scan", "mode", "live"))
            .expect(201)
            .json()
            .get("key")
            .asString();
    secrets.add(issued);

    try (Receiver receiver = Receiver.alwaysOk()) {
      // Step 1: runs whose webhook secrets were made by Rundun and given by the integrator.
      String template =
          live.post(
                  "/v1/templates",
                  Map.of("name", "Scan", "steps", Fixtures.VEHICLE_CHECK_STEPS),
                  "scan-template")
              .expect(201)
              .json()
              .get("template_id")
              .asString();
      JsonNode generated =
          live.post(
                  "/v1/runs",
                  Map.of("template_id", template, "webhook", Map.of("url", receiver.url("/hook"))),
                  "scan-run-1")
              .expect(201)
              .json();
      secrets.add(generated.get("webhook_secret").asString());
      String given = "whsec_" + "c2Nhbi1naXZlbi1zZWNyZXQtMTIzNDU2Nzg5MA==";
      secrets.add(given);
      live.post(
              "/v1/runs",
              Map.of(
                  "template_id",
                  template,
                  "webhook",
                  Map.of("url", receiver.url("/hook"), "secret", given)),
              "scan-run-2")
          .expect(201);

      // Step 1b: an account endpoint's secrets: made by Rundun, given, and made on rotation.
      JsonNode endpoint =
          live.post("/v1/webhook_endpoints", Map.of("url", receiver.url("/account")), "scan-we-1")
              .expect(201)
              .json();
      secrets.add(endpoint.get("secret").asString());
      String rotate = "/v1/webhook_endpoints/" + endpoint.get("id").asString() + "/rotate_secret";
      secrets.add(
          live.post(rotate, Map.of(), "scan-we-2").expect(200).json().get("secret").asString());
      String givenOnRotation = "whsec_" + "c2Nhbi1yb3RhdGVkLXNlY3JldC0xMjM0NTY3ODk=";
      secrets.add(givenOnRotation);
      live.post(rotate, Map.of("secret", givenOnRotation), "scan-we-3").expect(200);

      // Step 2: a member invited, their password set, signed in to a member run.
      String invite =
          live.post("/v1/members", Map.of("name", "Sam Scan", "email", "sam@scan.example"), "m-1")
              .expect(201)
              .json()
              .get("invite_url")
              .asString();
      String inviteToken = invite.replaceAll(".*/invite/", "");
      secrets.add(inviteToken);
      live.anonymous()
          .post(
              "/v1/invites/accept",
              Map.of("token", inviteToken, "password", "scan-password-123"),
              "accept-1")
          .expect(200);
      Map<String, Object> memberRun = new HashMap<>();
      memberRun.put("name", "Member scan");
      memberRun.put("steps", Fixtures.VEHICLE_CHECK_STEPS);
      memberRun.put("execution", Map.of("identity_required", "member"));
      String memberTemplate = Fixtures.template(live, memberRun);
      String run = Fixtures.dispatch(live, memberTemplate);
      String memberToken =
          live.anonymous()
              .post(
                  "/v1/executor/runs/" + run + "/sign_in",
                  Map.of("email", "sam@scan.example", "password", "scan-password-123"),
                  "sign-in-1")
              .expect(200)
              .json()
              .get("member_token")
              .asString();
      secrets.add(memberToken);
      secrets.add("scan-password-123");
    }

    // Step 3: read everything the broker holds and look for each of them.
    Map<String, Integer> records = new HashMap<>();
    Set<String> findings = new TreeSet<>();
    scanEverything((topic, parts) -> {
      records.merge(topic, 1, Integer::sum);
      StringBuilder all = new StringBuilder();
      parts.forEach(part -> all.append(new String(part, StandardCharsets.UTF_8)).append('\n'));
      String text = all.toString();
      for (String secret : secrets) {
        if (text.contains(secret)) {
          findings.add(topic + " holds " + secret.substring(0, 8) + "…");
        }
      }
      if (text.contains("whsec_")) {
        findings.add(topic + " holds a whsec_ secret");
      }
      if (BCRYPT.matcher(text).find() && !HASH_HOLDERS.contains(topic)) {
        findings.add(topic + " holds a BCrypt hash");
      }
    });
    System.out.println(
        "Secret scan: "
            + records.values().stream().mapToInt(Integer::intValue).sum()
            + " records on "
            + records.size()
            + " topics, "
            + secrets.size()
            + " secrets looked for");
    assertThat(records).containsKeys("rundun.idempotency", "rundun.replies");
    assertThat(records.keySet()).anyMatch(t -> t.endsWith("idempotency-claims-store-changelog"));
    assertThat(findings).isEmpty();
  }

  private interface Scan {
    /** One record: its key, value and header values, those present. */
    void record(String topic, List<byte[]> parts);
  }

  private static void scanEverything(Scan scan) throws Exception {
    String bootstrap = TestSystem.get().bootstrapServers();
    Set<String> topics;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // Aborted transactions too: a secret written and rolled back is still on disk.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).as("reading every topic").isLessThan(deadline);
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          List<byte[]> parts = new ArrayList<>();
          if (record.key() != null) {
            parts.add(record.key());
          }
          if (record.value() != null) {
            parts.add(record.value());
          }
          for (Header header : record.headers()) {
            if (header.value() != null) {
              parts.add(header.value());
            }
          }
          scan.record(record.topic(), parts);
        }
      }
    }
  }
}
