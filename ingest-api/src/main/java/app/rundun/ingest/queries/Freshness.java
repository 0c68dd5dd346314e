package app.rundun.ingest.queries;

/** How current a read must be. */
public enum Freshness {
  /** From the key's owner only: for what a change is decided on. */
  CURRENT,
  /** A standby's copy will do while the owner is out of reach: for what is only shown. */
  MAY_LAG
}
