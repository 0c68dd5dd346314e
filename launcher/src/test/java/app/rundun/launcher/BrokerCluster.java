package app.rundun.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of three nodes, each a broker and a KRaft controller in a process of its own on
 * loopback, so that a test can kill one with SIGKILL as a machine dies. Replication factor 3 and
 * min.insync.replicas 2, as in production.
 */
final class BrokerCluster implements AutoCloseable {

  private final Map<Integer, Process> nodes = new LinkedHashMap<>();
  private final List<String> addresses = new ArrayList<>();

  private BrokerCluster() {}

  static BrokerCluster start(int size) throws Exception {
    BrokerCluster cluster = new BrokerCluster();
    Path root = Scratch.directory("cluster");
    int[] ports = new int[size];
    int[] controllerPorts = new int[size];
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports[i] = SystemSettings.freePort();
      controllerPorts[i] = SystemSettings.freePort();
      voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
    }
    String clusterId = Uuid.randomUuid().toString();
    try {
      for (int i = 0; i < size; i++) {
        int nodeId = i + 1;
        Path logDir = root.resolve("node-" + nodeId);
        Properties props =
            EmbeddedBroker.nodeProperties(
                nodeId, String.join(",", voters), ports[i], controllerPorts[i], logDir, size);
        // A dead broker is fenced, and its partitions and transactions move, within 4 s rather
        // than the default 9 s: well inside the 10 s a Streams transaction may stay open.
        props.put("broker.session.timeout.ms", "4000");
        props.put("broker.heartbeat.interval.ms", "1000");
        EmbeddedBroker.format(logDir, props, clusterId);
        Process node =
            ChildJvm.start(
                kafka.Kafka.class,
                root.resolve("node-" + nodeId + ".log"),
                logDir.resolve("server.properties").toString());
        cluster.nodes.put(nodeId, node);
        cluster.addresses.add("127.0.0.1:" + ports[i]);
      }
      cluster.awaitBrokers(size);
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return String.join(",", addresses);
  }

  /** The node leading the KRaft quorum: the active controller. */
  int activeController() throws Exception {
    try (Admin admin = admin()) {
      return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
    }
  }

  /** Kills the node's process without a word: no controlled shutdown, no leadership handed over. */
  void kill(int nodeId) throws InterruptedException {
    nodes.get(nodeId).destroyForcibly().waitFor();
  }

  private void awaitBrokers(int count) throws Exception {
    try (Admin admin = admin()) {
      Eventually.until(
          count + " brokers in the cluster",
          Duration.ofSeconds(90),
          () -> {
            try {
              return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
            } catch (Exception e) {
              return 0;
            }
          },
          brokers -> brokers == count);
    }
  }

  private Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(props);
  }

  @Override
  public void close() {
    for (Process node : nodes.values()) {
      node.destroyForcibly();
    }
    for (Process node : nodes.values()) {
      try {
        node.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("Interrupted stopping the cluster", e));
      }
    }
  }
}
