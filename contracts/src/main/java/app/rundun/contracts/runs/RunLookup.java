package app.rundun.contracts.runs;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;

/**
 * A run as the run-processor's interactive query answers it: the owner (for the API's checks) and
 * the three views the API serves. Never sent to integrators as it is.
 */
public record RunLookup(
    OrgId orgId, Mode mode, RunResource run, RunPreview preview, ExecutorRunView executor) {}
