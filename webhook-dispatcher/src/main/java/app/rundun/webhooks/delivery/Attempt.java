package app.rundun.webhooks.delivery;

import java.time.Duration;

/**
 * What one HTTP attempt came to: the status (null when none came back), how long it took, what went
 * wrong, and the receiver's {@code Retry-After} if it gave one.
 */
public record Attempt(Integer status, long durationMs, String error, Duration retryAfter) {

  public boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }

  public boolean gone() {
    return status != null && status == 410;
  }
}
