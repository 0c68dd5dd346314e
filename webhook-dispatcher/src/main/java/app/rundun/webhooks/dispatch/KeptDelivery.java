package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.OffsetReader.Position;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the schedule keeps in memory of a delivery not done: whether and when it is due, what a
 * recovery asks about, and where on {@code rundun.webhook-schedule} its whole state lies — read
 * back only when it is attempted or sent again, so a million pending retries cost their index and
 * not their bodies. Host, organisation and endpoint names are shared among entries.
 */
final class KeptDelivery {

  /** Earliest due first; the key makes entries due at the same instant distinct. */
  static final Comparator<KeptDelivery> DUE_ORDER =
      Comparator.comparing((KeptDelivery kept) -> kept.notBefore).thenComparing(kept -> kept.key);

  private final String key;
  private final String host;
  private final String orgId;
  private final String endpointId;
  private final ScheduledDelivery.State state;
  private final int attempt;
  private final Instant notBefore;
  private final int partition;
  private final long offset;

  private KeptDelivery(ScheduledDelivery value, Position at) {
    this.key = ScheduleEntry.key(value.delivery());
    this.host = value.delivery().host().intern();
    this.orgId = value.delivery().orgId().intern();
    this.endpointId =
        value.delivery().endpointId() == null ? null : value.delivery().endpointId().intern();
    this.state = value.state();
    this.attempt = value.attempt();
    this.notBefore = value.notBefore();
    this.partition = at.partition();
    this.offset = at.offset();
  }

  /** The delivery state {@code value}, as written at {@code at}. */
  static KeptDelivery of(ScheduledDelivery value, Position at) {
    return new KeptDelivery(Objects.requireNonNull(value), at);
  }

  String key() {
    return key;
  }

  String host() {
    return host;
  }

  int attempt() {
    return attempt;
  }

  Instant notBefore() {
    return notBefore;
  }

  boolean pending() {
    return state == ScheduledDelivery.State.PENDING;
  }

  Position position() {
    return new Position(partition, offset);
  }

  /** Whether {@code body}, read back from its position, is this delivery's state. */
  boolean describes(ScheduledDelivery body) {
    return body != null
        && body.attempt() == attempt
        && body.state() == state
        && key.equals(ScheduleEntry.key(body.delivery()));
  }

  /**
   * Whether {@code recovery} sends it again: it failed for good, to the recovery's endpoint of the
   * recovery's organisation, within the window ({@code notBefore} is when it failed).
   */
  boolean coveredBy(Recovery recovery) {
    return state == ScheduledDelivery.State.FAILED
        && recovery.endpointId().equals(endpointId)
        && recovery.orgId().equals(orgId)
        && !notBefore.isBefore(recovery.since())
        && (recovery.until() == null || notBefore.isBefore(recovery.until()));
  }

  boolean sameWriteAs(KeptDelivery other) {
    return other != null && partition == other.partition && offset == other.offset;
  }
}
