package app.rundun.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (broker and KRaft controller in one) running in this JVM, with its log under
 * a folder of ours that survives restarts. The same kind of broker the tests use.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedBroker(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static EmbeddedBroker start(Path logDir, int port, int controllerPort) throws IOException {
    Properties props =
        nodeProperties(1, "1@127.0.0.1:" + controllerPort, port, controllerPort, logDir, 1);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(logDir, props, Uuid.randomUuid().toString());
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
    server.startup();
    return new EmbeddedBroker(server, port);
  }

  /**
   * The settings of one combined broker and controller node on loopback. {@code voters} lists every
   * controller of the cluster ({@code id@host:port,...}); {@code replication} is the cluster's size
   * up to 3, with min.insync.replicas one less than that (at least 1).
   */
  public static Properties nodeProperties(
      int nodeId, String voters, int port, int controllerPort, Path logDir, int replication)
      throws IOException {
    Files.createDirectories(logDir);
    String minInsync = String.valueOf(Math.max(1, replication - 1));
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(nodeId));
    props.put("controller.quorum.voters", voters);
    props.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("default.replication.factor", String.valueOf(replication));
    props.put("min.insync.replicas", minInsync);
    props.put("offsets.topic.replication.factor", String.valueOf(replication));
    props.put("offsets.topic.num.partitions", "6");
    props.put("transaction.state.log.replication.factor", String.valueOf(replication));
    props.put("transaction.state.log.min.isr", minInsync);
    props.put("transaction.state.log.num.partitions", "6");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "6");
    props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return props;
  }

  /** Formats a node's log folder for the cluster; every node of a cluster shares its id. */
  public static void format(Path logDir, Properties props, String clusterId) throws IOException {
    Path config = logDir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "Rundun embedded broker");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    String[] args = {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"};
    int status = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    if (status != 0) {
      throw new IllegalStateException("Cannot format the Kafka log folder: " + output);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
