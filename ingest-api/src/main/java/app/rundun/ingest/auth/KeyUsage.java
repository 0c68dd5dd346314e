package app.rundun.ingest.auth;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.ingest.commands.CommandBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A key's {@code last_used_at}: a use is published at most once per {@link #EVERY} per key and
 * instance, without the request waiting for it, so a busy key costs one command a minute, not one
 * per request. The time shown is accurate to about a minute.
 */
@Component
class KeyUsage {

  static final Duration EVERY = Duration.ofMinutes(1);

  private final CommandBus commands;
  private final Clock clock;
  private final Map<String, Instant> published = new ConcurrentHashMap<>();

  KeyUsage(CommandBus commands, Clock clock) {
    this.commands = commands;
    this.clock = clock;
  }

  void used(ApiKeyRecord key) {
    Instant now = clock.instant();
    Instant last = published.get(key.keyId());
    if (last != null && now.isBefore(last.plus(EVERY))) {
      return;
    }
    if (last == null
        ? published.putIfAbsent(key.keyId(), now) == null
        : published.replace(key.keyId(), last, now)) {
      commands.publishInBackground(new OrgCommand.TouchApiKey(key.orgId(), key.keyId(), now));
    }
  }
}
