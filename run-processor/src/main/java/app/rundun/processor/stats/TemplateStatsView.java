package app.rundun.processor.stats;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.templates.TemplateId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A template's statistics as the query API reads them: {@value #STORE} holds {@code
 * {template}/{mode}/v{version:06d}/{period}} → {@link TemplateStats}, so one template's statistics
 * of one mode are one range read, by version then period.
 */
public final class TemplateStatsView {

  public static final String STORE = "template-stats-store";

  /** Sorts after every key character used: the open upper end of a range. */
  private static final String END = "~";

  private final ReadOnlyKeyValueStore<String, TemplateStats> stats;

  public TemplateStatsView(ReadOnlyKeyValueStore<String, TemplateStats> stats) {
    this.stats = stats;
  }

  /** Every period of every version of the template, when it is the organisation's. */
  public List<TemplateStats> of(OrgId org, Mode mode, TemplateId template) {
    String prefix = TemplateStats.prefix(template, mode);
    List<TemplateStats> found = new ArrayList<>();
    try (KeyValueIterator<String, TemplateStats> it = stats.range(prefix, prefix + END)) {
      while (it.hasNext()) {
        TemplateStats period = it.next().value;
        if (period.orgId().equals(org)) {
          found.add(period);
        }
      }
    }
    return found;
  }
}
