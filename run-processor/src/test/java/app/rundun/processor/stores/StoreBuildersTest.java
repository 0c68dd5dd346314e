package app.rundun.processor.stores;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class StoreBuildersTest {

  @Test
  void everyStoreIsChangeloggedInSegmentsTheBrokerCanCompactWithinAnHour() {
    var store = StoreBuilders.keyValue("runs-store", Serdes.String());

    assertThat(store.loggingEnabled()).isTrue();
    assertThat(store.logConfig())
        .containsEntry(TopicConfig.SEGMENT_BYTES_CONFIG, "16777216")
        .containsEntry(TopicConfig.SEGMENT_MS_CONFIG, "3600000");
  }
}
