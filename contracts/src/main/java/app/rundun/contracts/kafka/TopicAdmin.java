package app.rundun.contracts.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Rundun's topics where they are missing and the service may create them; every service
 * calls it at start.
 */
public final class TopicAdmin {

  private TopicAdmin() {}

  public static void ensureTopics(KafkaClients kafka, int partitions, short replication) {
    try (Admin admin = Admin.create(kafka.properties())) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : Topics.all()) {
        if (!existing.contains(topic.name())) {
          NewTopic created = new NewTopic(topic.name(), partitions, replication);
          Map<String, String> configs = new HashMap<>();
          if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
          }
          if (topic.retention() != null) {
            configs.put(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
          }
          created.configs(configs);
          missing.add(created);
        }
      }
      for (var result : admin.createTopics(missing).values().values()) {
        try {
          result.get();
        } catch (ExecutionException e) {
          // Under ACLs a service sees only its own topics and may create none: the others are
          // another service's, or were created ahead by the operator's tooling.
          if (!(e.getCause() instanceof TopicExistsException)
              && !(e.getCause() instanceof TopicAuthorizationException)
              && !(e.getCause() instanceof ClusterAuthorizationException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create Rundun's topics", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating Rundun's topics", e);
    }
  }
}
