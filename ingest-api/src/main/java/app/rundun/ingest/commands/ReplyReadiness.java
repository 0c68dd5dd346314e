package app.rundun.ingest.commands;

import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds the start of the API until the reply consumer has its partitions: replies are read from the
 * latest offset, so a command sent before then could have its reply pass unseen.
 */
@Component
class ReplyReadiness implements ApplicationListener<ApplicationReadyEvent> {

  private final ReplyingKafkaTemplate<String, byte[], byte[]> template;

  ReplyReadiness(ReplyingKafkaTemplate<String, byte[], byte[]> template) {
    this.template = template;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    try {
      if (!template.waitForAssignment(Duration.ofMinutes(2))) {
        throw new IllegalStateException("The reply consumer got no partitions within 2 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for reply partitions", e);
    }
  }
}
