package app.rundun.processor.templates;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Every version of every template, one store entry per version under {@code
 * {org}/{template}#{version}}, so a version is never rewritten and no entry grows with history. The
 * store lives on the organisation's partition, next to its quota.
 */
public final class TemplateVersions {

  public static final String STORE = "template-versions-store";

  private final ReadOnlyKeyValueStore<String, TemplateResource> store;

  public TemplateVersions(ReadOnlyKeyValueStore<String, TemplateResource> store) {
    this.store = store;
  }

  public TemplateResource create(OrgId org, TemplateId id, TemplateDraft draft, Instant now) {
    if (latest(org, id).isPresent()) {
      throw ApiException.conflict("Template " + id + " exists already.");
    }
    return write(org, id, 1, draft, now);
  }

  public TemplateResource update(OrgId org, TemplateId id, TemplateDraft draft, Instant now) {
    TemplateResource current =
        latest(org, id).orElseThrow(() -> ApiException.notFound("template", id.value()));
    return write(org, id, current.version() + 1, draft, now);
  }

  public Optional<TemplateResource> latest(OrgId org, TemplateId id) {
    try (KeyValueIterator<String, TemplateResource> it =
        store.reverseRange(prefix(org, id), prefix(org, id) + "~")) {
      return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
    }
  }

  public Optional<TemplateResource> version(OrgId org, TemplateId id, int version) {
    return Optional.ofNullable(store.get(key(org, id, version)));
  }

  /**
   * The latest version of each of the organisation's templates, newest template first (by when its
   * first version was made, then by id), so that a page of the list stays where it is.
   */
  public List<TemplateResource> list(OrgId org) {
    List<TemplateResource> latest = new ArrayList<>();
    Map<TemplateId, Instant> firstMade = new HashMap<>();
    try (KeyValueIterator<String, TemplateResource> it =
        store.prefixScan(org.value() + "/", new StringSerializer())) {
      while (it.hasNext()) {
        TemplateResource version = it.next().value;
        firstMade.putIfAbsent(version.templateId(), version.createdAt());
        if (!latest.isEmpty() && latest.getLast().templateId().equals(version.templateId())) {
          latest.removeLast();
        }
        latest.add(version);
      }
    }
    latest.sort(
        Comparator.comparing((TemplateResource t) -> firstMade.get(t.templateId()))
            .thenComparing(t -> t.templateId().value())
            .reversed());
    return latest;
  }

  private TemplateResource write(
      OrgId org, TemplateId id, int version, TemplateDraft draft, Instant now) {
    if (!(store instanceof KeyValueStore<String, TemplateResource> writable)) {
      throw new IllegalStateException("Template versions are written by the stream task only.");
    }
    TemplateResource resource =
        new TemplateResource(id, version, draft.name(), draft.steps(), draft.execution(), now);
    writable.put(key(org, id, version), resource);
    return resource;
  }

  private static String prefix(OrgId org, TemplateId id) {
    return org.value() + "/" + id.value() + "#";
  }

  /** The key of one version: {@code {org}/{template}#{version:010d}}. */
  public static String key(OrgId org, TemplateId id, int version) {
    return prefix(org, id) + String.format("%010d", version);
  }
}
