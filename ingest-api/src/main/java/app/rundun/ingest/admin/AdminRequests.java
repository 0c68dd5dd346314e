package app.rundun.ingest.admin;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.Plan;

/** The bodies of the operator's calls. */
final class AdminRequests {

  private AdminRequests() {}

  record CreateOrganisation(String name, Plan plan) {
    Plan planOrDefault() {
      return plan == null ? Plan.STARTER : plan;
    }
  }

  record ChangePlan(Plan plan) {
    Plan required() {
      if (plan == null) {
        throw ApiException.invalid("plan", "plan is required.");
      }
      return plan;
    }
  }

  record AddRunPack(Integer runs) {
    int required() {
      if (runs == null) {
        throw ApiException.invalid("runs", "runs is required.");
      }
      return runs;
    }
  }

  record IssueKey(String name, Mode mode) {
    String requiredName() {
      if (name == null || name.isBlank() || name.length() > 100) {
        throw ApiException.invalid("name", "A key needs a name of 1 to 100 characters.");
      }
      return name.strip();
    }

    Mode modeOrLive() {
      return mode == null ? Mode.LIVE : mode;
    }
  }
}
