package app.rundun.processor.runs;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.Map;

/** A run as run-stage starts it, for the tests of its rules: a live run Alex dispatched. */
record Dispatch(
    TemplateResource version, Instant at, Instant expiresAt, Map<String, Prefill> prefill) {

  static Dispatch of(TemplateResource version, Instant at) {
    return new Dispatch(version, at, null, null);
  }

  Dispatch expiringAt(Instant when) {
    return new Dispatch(version, at, when, prefill);
  }

  Dispatch prefilled(Map<String, Prefill> answers) {
    return new Dispatch(version, at, expiresAt, answers);
  }

  Run run() {
    return Run.start(
        new RunCommand.StartRun(
            RunId.mint(),
            OrgId.mint(),
            Mode.LIVE,
            version,
            null,
            null,
            prefill,
            at,
            expiresAt,
            null,
            "Alex",
            1L));
  }
}
