package app.rundun.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;

/**
 * A single Kafka node as production runs one: clients authenticate with SASL/SCRAM-SHA-512 and the
 * StandardAuthorizer allows only what an ACL grants ({@code allow.everyone.if.no.acl.found=false}).
 * {@code admin} is the super user that creates topics and ACLs; every other user has what it is
 * granted and nothing else.
 */
final class ScramBroker implements AutoCloseable {

  static final String MECHANISM = "SCRAM-SHA-512";

  private final KafkaRaftServer server;
  private final int port;

  private ScramBroker(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts the node with a SCRAM credential for each user; the password is {@code {user}-pw}. */
  static ScramBroker start(List<String> users) throws IOException {
    int port = SystemSettings.freePort();
    int controllerPort = SystemSettings.freePort();
    Path logDir = Scratch.directory("scram-broker");
    Properties props =
        EmbeddedBroker.nodeProperties(
            1, "1@127.0.0.1:" + controllerPort, port, controllerPort, logDir, 1);
    props.put(
        "listeners",
        "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
    props.put(
        "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    props.put("sasl.enabled.mechanisms", MECHANISM);
    props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas("admin"));
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    props.put("allow.everyone.if.no.acl.found", "false");
    // The controller listener is loopback-only plaintext here; its peers are ANONYMOUS.
    props.put("super.users", "User:admin;User:ANONYMOUS");
    format(logDir, props, users);
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
    server.startup();
    return new ScramBroker(server, port);
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The client settings a service passes as {@code rundun.kafka.*} to log in as the user. */
  static Map<String, String> clientSettings(String user) {
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        MECHANISM,
        "sasl.jaas.config",
        jaas(user));
  }

  /** Grants the ACLs, as the super user. */
  void grant(List<AclBinding> acls) throws Exception {
    try (Admin admin = Admin.create(adminSettings())) {
      admin.createAcls(acls).all().get();
    }
  }

  Map<String, Object> adminSettings() {
    Map<String, Object> settings = new java.util.HashMap<>(clientSettings("admin"));
    settings.put("bootstrap.servers", bootstrapServers());
    return settings;
  }

  private static String jaas(String user) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + user
        + "-pw\";";
  }

  private static void format(Path logDir, Properties props, List<String> users) throws IOException {
    Path config = logDir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "Rundun SCRAM test broker");
    }
    List<String> args =
        new ArrayList<>(
            List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
    List<String> all = new ArrayList<>(users);
    all.add("admin");
    for (String user : all) {
      args.add("--add-scram");
      args.add(MECHANISM + "=[name=" + user + ",password=" + user + "-pw]");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status =
        StorageTool.execute(
            args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
    if (status != 0) {
      throw new IllegalStateException("Cannot format the SCRAM broker: " + output);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
