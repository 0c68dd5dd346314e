package app.rundun.contracts.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's default partitioner gives a string key. A record keyed by something else (a
 * schedule entry, {@code run/slot}) is placed by its run id with this, so it sits on the partition
 * of the run's other records.
 */
public final class KeyPartitions {

  private KeyPartitions() {}

  public static int of(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
