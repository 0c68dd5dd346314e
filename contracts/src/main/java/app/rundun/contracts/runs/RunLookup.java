package app.rundun.contracts.runs;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;

/**
 * A run as the run-processor's interactive query answers it: the owner and the holder (for the
 * API's checks) and the three views the API serves. Never sent to integrators as it is.
 *
 * @param holder who holds the run in progress (the opening device, or the member), null before
 */
public record RunLookup(
    OrgId orgId,
    Mode mode,
    String holder,
    RunResource run,
    RunPreview preview,
    ExecutorRunView executor) {

  /** Whether the run is the organisation's and of the mode: any other caller does not see it. */
  public boolean ownedBy(OrgId org, Mode caller) {
    return orgId.equals(org) && mode == caller;
  }

  /** Whether {@code candidate} may act on the run: nobody holds it yet, or they do. */
  public boolean heldBy(String candidate) {
    return holder == null || holder.equals(candidate);
  }
}
