package app.rundun.contracts.kafka;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.json.JsonSerde;
import app.rundun.contracts.organisations.ApiKeyRecord;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of Rundun. Org-scoped commands are keyed by organisation id so that quota counting
 * and template versioning are serialised per organisation; run commands and run events are keyed by
 * run id so that the executor, who knows only the run id, reaches the partition owning the run.
 */
public final class Topics {

  /** Commands that need the organisation's state: templates, quota, plans, keys. */
  public static final Topic<String, OrgCommand> ORG_COMMANDS =
      new Topic<>("rundun.org-commands", Serdes.String(), new JsonSerde<>(OrgCommand.class), false);

  /** Commands on one run, including the run start that the organisation stage accepted. */
  public static final Topic<String, RunCommand> RUN_COMMANDS =
      new Topic<>("rundun.run-commands", Serdes.String(), new JsonSerde<>(RunCommand.class), false);

  /** The outcome of each command, correlated to the request that sent it. */
  public static final Topic<String, Reply> REPLIES =
      new Topic<>("rundun.replies", Serdes.String(), new JsonSerde<>(Reply.class), false);

  /** Every run event, keyed by run id, as CloudEvents 1.0 structured JSON. */
  public static final Topic<String, RunEvent> RUN_EVENTS =
      new Topic<>("rundun.run-events", Serdes.String(), new JsonSerde<>(RunEvent.class), false);

  /** API keys by the SHA-256 of the key; a tombstone revokes. Compacted, read whole at start. */
  public static final Topic<String, ApiKeyRecord> API_KEYS =
      new Topic<>("rundun.api-keys", Serdes.String(), new JsonSerde<>(ApiKeyRecord.class), true);

  private Topics() {}

  public static List<Topic<?, ?>> all() {
    return List.of(ORG_COMMANDS, RUN_COMMANDS, REPLIES, RUN_EVENTS, API_KEYS);
  }
}
