package app.rundun.processor.stores;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of this instance together: one block cache, with the
 * memtables counted against it, of {@value #TOTAL_BYTES_CONFIG} bytes (512 MB unless configured).
 * Without it each store and each partition takes its own, and memory grows with partitions.
 *
 * <p>The bound is not only a cap: once the memtables together reach their half of it, each store
 * written to flushes its own memtable, however small. Divided among too many stores (21 per
 * partition), that turns every write into a stream of tiny files for RocksDB to flush and compact:
 * with 64 MB over 6 partitions RocksDB's own threads took a third of the run-processor's CPU under
 * creates (README, {@code rundun.rocksdb-memory}).
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

  /** The Streams config key carrying the bound; set from {@code rundun.rocksdb-memory}. */
  public static final String TOTAL_BYTES_CONFIG = "rundun.rocksdb.total.bytes";

  private static final long DEFAULT_TOTAL = 512L * 1024 * 1024;
  private static final double MEMTABLE_SHARE = 0.5;
  private static Cache cache;
  private static WriteBufferManager writeBuffers;
  private static long total;

  private static synchronized void share(long bound) {
    if (cache == null) {
      cache = new LRUCache(bound, -1, false, 0.1);
      writeBuffers = new WriteBufferManager((long) (bound * MEMTABLE_SHARE), cache);
      total = bound;
    }
  }

  /** Bytes of the shared cache in use (blocks and memtables); 0 before the first store opens. */
  public static synchronized long usedBytes() {
    return cache == null ? 0 : cache.getUsage();
  }

  /** The bound every store of this JVM shares; 0 before the first store opens. */
  public static synchronized long boundBytes() {
    return total;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object configured = configs.get(TOTAL_BYTES_CONFIG);
    share(configured == null ? DEFAULT_TOTAL : Long.parseLong(configured.toString()));
    BlockBasedTableConfig table =
        options.tableFormatConfig() instanceof BlockBasedTableConfig given
            ? given
            : new BlockBasedTableConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBuffers);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store: they outlive each one.
  }
}
