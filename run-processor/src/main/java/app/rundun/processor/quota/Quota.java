package app.rundun.processor.quota;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.organisations.UsageResource;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * An organisation's plan, the run packs bought per month, and the runs used per month and mode. It
 * lives on the organisation's partition, so admissions are serialised and the count is exact under
 * any concurrency. Months before the previous one are dropped as the state is written.
 */
public record Quota(Plan plan, Map<String, Integer> runPacks, Map<String, Integer> used) {

  public static final String STORE = "quota-store";

  public Quota {
    runPacks = Map.copyOf(runPacks);
    used = Map.copyOf(used);
  }

  public static Quota of(Plan plan) {
    return new Quota(plan, Map.of(), Map.of());
  }

  /** Counts one run, or refuses it with the spec's 402 once the month's allowance is used. */
  public Quota admit(Mode mode, Instant now) {
    YearMonth month = month(now);
    int allowance = allowance(month);
    int usedNow = usedIn(month, mode);
    if (mode == Mode.LIVE && allowance >= 0 && usedNow >= allowance) {
      throw new ApiException(
          ErrorCode.QUOTA_EXCEEDED,
          "You have used all "
              + allowance
              + " runs included in your "
              + plan.displayName()
              + " plan this month. Upgrade or purchase a run pack to continue.",
          null);
    }
    Map<String, Integer> nextUsed = pruned(used, month);
    nextUsed.put(usedKey(month, mode), usedNow + 1);
    return new Quota(plan, pruned(runPacks, month), nextUsed);
  }

  public Quota withPlan(Plan next) {
    return new Quota(next, runPacks, used);
  }

  public Quota addRunPack(int runs, Instant now) {
    if (runs < 1 || runs > 1_000_000) {
      throw ApiException.invalid("runs", "A run pack adds 1 to 1,000,000 runs.");
    }
    YearMonth month = month(now);
    Map<String, Integer> packs = pruned(runPacks, month);
    packs.merge(month.toString(), runs, Integer::sum);
    return new Quota(plan, packs, pruned(used, month));
  }

  public UsageResource usage(Mode mode, Instant now) {
    YearMonth month = month(now);
    return new UsageResource(
        plan,
        plan.runsIncluded().isPresent() ? plan.runsIncluded().getAsInt() : null,
        runPacks.getOrDefault(month.toString(), 0),
        usedIn(month, mode),
        month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** The month's runs: the plan's plus the packs', or -1 for a plan without a limit. */
  private int allowance(YearMonth month) {
    if (plan.runsIncluded().isEmpty()) {
      return -1;
    }
    return plan.runsIncluded().getAsInt() + runPacks.getOrDefault(month.toString(), 0);
  }

  private int usedIn(YearMonth month, Mode mode) {
    return used.getOrDefault(usedKey(month, mode), 0);
  }

  private static String usedKey(YearMonth month, Mode mode) {
    return month + "/" + mode.wire();
  }

  private static YearMonth month(Instant now) {
    return YearMonth.from(now.atZone(ZoneOffset.UTC));
  }

  private static Map<String, Integer> pruned(Map<String, Integer> byMonth, YearMonth current) {
    String oldest = current.minusMonths(1).toString();
    Map<String, Integer> kept = new HashMap<>();
    byMonth.forEach((key, value) -> {
      if (key.substring(0, 7).compareTo(oldest) >= 0) {
        kept.put(key, value);
      }
    });
    return kept;
  }
}
