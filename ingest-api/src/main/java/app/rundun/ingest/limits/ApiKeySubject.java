package app.rundun.ingest.limits;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.Plan;

/** The API key a request was authenticated with, as far as its limits go. */
public record ApiKeySubject(String keyId, Mode mode, Plan plan) {}
