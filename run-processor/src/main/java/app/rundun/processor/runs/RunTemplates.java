package app.rundun.processor.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.processor.templates.TemplateVersions;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The template versions that runs on a run-stage partition were dispatched with, each stored once
 * under the key {@link TemplateVersions} gives it ({@code {org}/{template}#{version}}), so a run
 * itself stays small: a run is read far more often than its steps are needed.
 */
public final class RunTemplates {

  public static final String STORE = "run-templates-store";

  private final ReadOnlyKeyValueStore<String, TemplateResource> store;

  public RunTemplates(ReadOnlyKeyValueStore<String, TemplateResource> store) {
    this.store = store;
  }

  /** The version the run was dispatched with. */
  public TemplateResource of(Run run) {
    RunTemplate template = run.template();
    if (template.legacySnapshot() != null) {
      return template.legacySnapshot();
    }
    TemplateResource found =
        store.get(TemplateVersions.key(run.orgId(), template.templateId(), template.version()));
    if (found == null) {
      throw new ApiException(
          ErrorCode.INTERNAL_ERROR,
          "The template version of run " + run.id() + " is missing.",
          null);
    }
    return found;
  }

  /** Keeps a version a run is dispatched with; a version is never rewritten. */
  void keep(OrgId org, TemplateResource template) {
    String key = TemplateVersions.key(org, template.templateId(), template.version());
    if (writable().get(key) == null) {
      writable().put(key, template);
    }
  }

  /**
   * A run stored with its whole template has it moved here, and from its next change on is stored
   * without it.
   */
  Run migrated(Run run) {
    TemplateResource legacy = run.template().legacySnapshot();
    if (legacy == null) {
      return run;
    }
    keep(run.orgId(), legacy);
    return run.withoutSnapshot(legacy);
  }

  private KeyValueStore<String, TemplateResource> writable() {
    if (!(store instanceof KeyValueStore<String, TemplateResource> writable)) {
      throw new IllegalStateException("Run templates are written by the stream task only.");
    }
    return writable;
  }
}
