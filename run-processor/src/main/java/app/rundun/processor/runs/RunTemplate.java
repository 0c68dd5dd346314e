package app.rundun.processor.runs;

import app.rundun.contracts.templates.Execution;
import app.rundun.contracts.templates.IdentityRequired;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What a run keeps of the template version it was dispatched with: enough to show the run. The
 * steps live once per version in {@link RunTemplates}, so reading a run does not read its template.
 *
 * @param legacySnapshot the whole version, only on a run stored before runs kept their template
 *     apart; run-stage moves it to {@link RunTemplates} at the run's next change
 */
public record RunTemplate(
    TemplateId templateId,
    int version,
    String name,
    IdentityRequired identityRequired,
    int answerableSteps,
    @JsonInclude(JsonInclude.Include.NON_NULL) TemplateResource legacySnapshot) {

  static RunTemplate of(TemplateResource template) {
    return new RunTemplate(
        template.templateId(),
        template.version(),
        template.name(),
        template.execution().identityRequired(),
        (int) template.steps().stream().filter(Step::answerable).count(),
        null);
  }

  /**
   * Reads both shapes: this record's, and the whole template version that runs stored before it
   * carried (recognised by its {@code steps}).
   */
  @JsonCreator
  static RunTemplate read(
      @JsonProperty("template_id") TemplateId templateId,
      @JsonProperty("version") int version,
      @JsonProperty("name") String name,
      @JsonProperty("identity_required") IdentityRequired identityRequired,
      @JsonProperty("answerable_steps") Integer answerableSteps,
      @JsonProperty("steps") List<Step> steps,
      @JsonProperty("execution") Execution execution,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("legacy_snapshot") TemplateResource legacySnapshot) {
    if (steps == null) {
      return new RunTemplate(
          templateId,
          version,
          name,
          identityRequired,
          answerableSteps == null ? 0 : answerableSteps,
          legacySnapshot);
    }
    TemplateResource legacy =
        new TemplateResource(
            templateId,
            version,
            name,
            steps,
            execution == null ? Execution.DEFAULT : execution,
            createdAt);
    return new RunTemplate(
        legacy.templateId(),
        legacy.version(),
        legacy.name(),
        legacy.execution().identityRequired(),
        of(legacy).answerableSteps(),
        legacy);
  }

  /** This template without a legacy snapshot, once the snapshot is stored apart. */
  RunTemplate withoutSnapshot() {
    return new RunTemplate(templateId, version, name, identityRequired, answerableSteps, null);
  }
}
