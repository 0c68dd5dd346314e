package app.rundun.contracts.queries;

/**
 * A read may be answered from a standby replica while the key's active owner is out of reach
 * (during a rebalance, or after its instance died): the caller asks for that with {@link #ACCEPT},
 * and such an answer carries {@link #FLAG}, on the internal API and on the public one alike.
 */
public final class StaleReads {

  /** Request header: a standby's copy will do when the owner cannot answer. */
  public static final String ACCEPT = "Rundun-Accept-Stale";

  /** Response header: the answer came from a standby and may lack the latest changes. */
  public static final String FLAG = "Rundun-Stale";

  private StaleReads() {}
}
