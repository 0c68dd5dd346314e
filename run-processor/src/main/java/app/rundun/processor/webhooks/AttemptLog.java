package app.rundun.processor.webhooks;

import app.rundun.contracts.webhooks.WebhookAttempt;
import java.util.ArrayList;
import java.util.List;

/** A run's delivery attempts, oldest first, keeping the latest {@value #LIMIT}. */
public record AttemptLog(List<WebhookAttempt> attempts) {

  static final int LIMIT = 500;

  public AttemptLog {
    attempts = List.copyOf(attempts);
  }

  AttemptLog add(WebhookAttempt attempt) {
    List<WebhookAttempt> next = new ArrayList<>(attempts);
    next.add(attempt);
    if (next.size() > LIMIT) {
      next.removeFirst();
    }
    return new AttemptLog(next);
  }
}
