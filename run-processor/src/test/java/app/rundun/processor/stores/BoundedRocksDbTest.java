package app.rundun.processor.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedRocksDbTest {

  @Test
  void everyStoreSharesOneBoundedCacheAndWriteBufferManager() {
    BoundedRocksDb setter = new BoundedRocksDb();
    try (Options runs = new Options();
        Options templates = new Options()) {
      Map<String, Object> configs = Map.of(BoundedRocksDb.TOTAL_BYTES_CONFIG, 32L * 1024 * 1024);
      setter.setConfig("runs-store", runs, configs);
      setter.setConfig("template-versions-store", templates, configs);
      assertThat(runs.writeBufferManager()).isNotNull().isSameAs(templates.writeBufferManager());
      assertThat(((BlockBasedTableConfig) runs.tableFormatConfig()).cacheIndexAndFilterBlocks())
          .isTrue();
      assertThat(runs.maxWriteBufferNumber()).isEqualTo(2);
    }
  }
}
