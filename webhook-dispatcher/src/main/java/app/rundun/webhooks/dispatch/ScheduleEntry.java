package app.rundun.webhooks.dispatch;

import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;

/**
 * One record of the compacted schedule topic, keyed {@code run/slot}: in a delivery's slot (its
 * event id, and the endpoint's id for an account endpoint) the delivery's next state, null once
 * delivered; in the run's {@code ~stopped} slot, whether its endpoint answered 410 (the delivery
 * that got the answer, or null once redelivered).
 */
record ScheduleEntry(String runId, String slot, ScheduledDelivery value) {

  private static final String STOPPED = "~stopped";
  private static final char SEPARATOR = '/';

  ScheduleEntry {
    if (runId == null || runId.isEmpty() || runId.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("Not a run id: " + runId);
    }
    if (slot == null || slot.isEmpty()) {
      throw new IllegalArgumentException("A schedule entry needs a slot");
    }
  }

  static ScheduleEntry of(WebhookDelivery delivery, ScheduledDelivery next) {
    return new ScheduleEntry(delivery.runId(), delivery.slot(), next);
  }

  /** The run's endpoint answered 410 to {@code cause}: the run's other events are held back. */
  static ScheduleEntry stop(ScheduledDelivery cause) {
    return new ScheduleEntry(cause.delivery().runId(), STOPPED, cause);
  }

  /** The run's events may go again. */
  static ScheduleEntry resume(String runId) {
    return new ScheduleEntry(runId, STOPPED, null);
  }

  /** The entry a record of the topic holds. */
  static ScheduleEntry parse(String key, ScheduledDelivery value) {
    int separator = key.lastIndexOf(SEPARATOR);
    if (separator < 0) {
      throw new IllegalArgumentException("Not a schedule key: " + key);
    }
    return new ScheduleEntry(key.substring(0, separator), key.substring(separator + 1), value);
  }

  static String key(WebhookDelivery delivery) {
    return key(delivery.runId(), delivery.slot());
  }

  static String key(String runId, String slot) {
    return runId + SEPARATOR + slot;
  }

  String key() {
    return key(runId, slot);
  }

  boolean isStop() {
    return slot.equals(STOPPED);
  }
}
