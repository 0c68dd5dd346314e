package app.rundun.contracts.organisations;

import java.time.Instant;

/** {@code GET /v1/usage}: the month's allowance and use, for the key's mode. */
public record UsageResource(
    Plan plan,
    Integer runsIncluded,
    int runPacks,
    int runsUsedThisMonth,
    Instant periodStart,
    Instant periodEnd) {}
