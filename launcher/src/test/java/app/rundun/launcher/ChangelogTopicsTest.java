package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.Groups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The run-processor's changelogs, as the broker holds them: compacted in segments that roll well
 * before a broker's defaults (1 GiB, 7 days), so that the cleaner keeps each store's changelog near
 * its latest values and a fresh instance restores those, not every change ever made.
 */
class ChangelogTopicsTest {

  @Test
  void everyChangelogIsCompactedInSegmentsThatRollWithinAnHour() throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestSystem.get().bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      // Step 1: the changelogs of the run-processor's stores.
      List<ConfigResource> changelogs =
          admin.listTopics().names().get().stream()
              .filter(name -> name.startsWith(Groups.RUN_PROCESSOR + "-"))
              .filter(name -> name.endsWith("-changelog"))
              .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
              .toList();
      assertThat(changelogs)
          .extracting(ConfigResource::name)
          .contains(
              Groups.RUN_PROCESSOR + "-runs-store-changelog",
              Groups.RUN_PROCESSOR + "-quota-store-changelog",
              Groups.RUN_PROCESSOR + "-event-log-store-changelog");

      // Step 2: each is compacted, and rolls at 16 MiB or after an hour, whichever comes first.
      Map<ConfigResource, Config> configs = admin.describeConfigs(changelogs).all().get();
      configs.forEach((topic, config) -> {
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
            .as(topic.name())
            .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(Long.parseLong(config.get(TopicConfig.SEGMENT_BYTES_CONFIG).value()))
            .as(topic.name())
            .isEqualTo(16L * 1024 * 1024);
        assertThat(Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()))
            .as(topic.name())
            .isEqualTo(Duration.ofHours(1).toMillis());
      });
    }
  }
}
