package app.rundun.contracts.templates;

import java.time.Instant;
import java.util.List;

/** A template version as the API shows it. */
public record TemplateResource(
    TemplateId templateId,
    int version,
    String name,
    List<Step> steps,
    Execution execution,
    Instant createdAt) {}
