package app.rundun.processor.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateResource;
import java.util.List;

/** The steps of the template version a run was dispatched with, as its changes look them up. */
record VersionSteps(RunId runId, List<Step> steps) {

  VersionSteps {
    steps = List.copyOf(steps);
  }

  /** The steps of {@code version}, which must be the run's own: anything else is a bug. */
  static VersionSteps of(Run run, TemplateResource version) {
    if (!version.templateId().equals(run.template().templateId())
        || version.version() != run.template().version()) {
      throw new IllegalArgumentException(
          "Run " + run.id() + " was dispatched with another template version.");
    }
    return new VersionSteps(run.id(), version.steps());
  }

  /** The step, or 404 naming it. */
  Step find(String stepId) {
    return steps.stream()
        .filter(step -> step.id().equals(stepId))
        .findFirst()
        .orElseThrow(() ->
            new ApiException(
                ErrorCode.NOT_FOUND, "Run " + runId + " has no step " + stepId + ".", "step_id"));
  }
}
