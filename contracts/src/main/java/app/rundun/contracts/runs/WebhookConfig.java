package app.rundun.contracts.runs;

import java.util.List;

/** Where and what to deliver for one run. The secret never leaves the command and run state. */
public record WebhookConfig(String url, String secret, List<String> events) {

  public static final List<String> EVENT_TYPES =
      List.of("run.opened", "step.completed", "run.completed", "run.cancelled", "run.expired");
}
