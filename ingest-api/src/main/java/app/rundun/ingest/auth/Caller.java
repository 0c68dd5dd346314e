package app.rundun.ingest.auth;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;

/** The organisation, mode and key name behind an authenticated request. */
public record Caller(OrgId orgId, Mode mode, String keyName) {}
