package app.rundun.webhooks.dispatch;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the owner of the account endpoints (org-stage) how attempts to each go, without a command
 * per attempt: a report when an endpoint turns from delivering to failing or back, and while it
 * stays so, one every {@code repeat} (an hour; less when the endpoint is disabled sooner).
 * org-stage merges the reports of every dispatcher and disables an endpoint whose every attempt has
 * failed for {@code disableAfter}. A report lost in a crash is made good by the next one.
 */
final class EndpointHealthReports {

  private static final Logger log = LoggerFactory.getLogger(EndpointHealthReports.class);
  private static final Duration MOST_REPEAT = Duration.ofHours(1);

  private final Producer<String, byte[]> producer;
  private final Duration disableAfter;
  private final Duration repeat;
  private final Map<String, Reported> last = new ConcurrentHashMap<>();

  private record Reported(boolean delivered, Instant at) {}

  EndpointHealthReports(Producer<String, byte[]> producer, Duration disableAfter) {
    this.producer = producer;
    this.disableAfter = disableAfter;
    Duration tenth = disableAfter.dividedBy(10);
    this.repeat = tenth.compareTo(MOST_REPEAT) < 0 ? tenth : MOST_REPEAT;
  }

  /** An attempt made to the endpoint at {@code at}: delivered or not. */
  void attempted(WebhookEndpoint endpoint, boolean delivered, Instant attemptedAt) {
    // Whole seconds, like every time Rundun shows.
    Instant at = attemptedAt.truncatedTo(ChronoUnit.SECONDS);
    last.compute(
        endpoint.key(),
        (key, before) -> {
          if (before != null
              && before.delivered() == delivered
              && at.isBefore(before.at().plus(repeat))) {
            return before;
          }
          report(
              delivered
                  ? new OrgCommand.EndpointDelivered(
                      endpoint.orgId(), endpoint.mode(), endpoint.id(), at)
                  : new OrgCommand.EndpointFailed(
                      endpoint.orgId(), endpoint.mode(), endpoint.id(), at, disableAfter));
          return new Reported(delivered, at);
        });
  }

  private void report(OrgCommand.EndpointCommand command) {
    producer.send(
        new ProducerRecord<>(
            Topics.ORG_COMMANDS.name(),
            command.orgId().value(),
            Topics.ORG_COMMANDS.serializeValue(command)),
        (sent, failure) -> {
          if (failure != null) {
            log.warn("Reporting the health of endpoint {} failed", command.endpointId(), failure);
          }
        });
  }
}
