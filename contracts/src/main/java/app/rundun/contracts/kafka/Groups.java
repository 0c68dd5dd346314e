package app.rundun.contracts.kafka;

/**
 * The services' consumer groups, in one place like the topics: an operator's ACLs, the benchmark
 * and the services themselves name them alike.
 */
public final class Groups {

  /** The run-processor's Kafka Streams application id, which is also its group. */
  public static final String RUN_PROCESSOR = "rundun-run-processor";

  public static final String WEBHOOK_DISPATCHER = "rundun-webhook-dispatcher";

  /** Each ingest-api instance reads every reply in a group of its own, named with this prefix. */
  public static final String INGEST_REPLIES_PREFIX = "rundun-ingest-replies-";

  private Groups() {}
}
