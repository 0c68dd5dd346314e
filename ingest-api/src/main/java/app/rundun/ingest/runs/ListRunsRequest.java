package app.rundun.ingest.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.lists.TimeRange;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.templates.TemplateId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query string of {@code GET /v1/runs}, read strictly: an unknown parameter, a parameter given
 * twice (but {@code status}), or a value of the wrong form is a 400 that names it.
 */
public final class ListRunsRequest {

  private static final Pattern RANGE = Pattern.compile("(created|updated)\\[(gte|gt|lte|lt)]");
  private static final Pattern METADATA = Pattern.compile("metadata\\[(.+)]");
  private static final Set<String> PLAIN =
      Set.of(
          "limit",
          "starting_after",
          "ending_before",
          "status",
          "template_id",
          "executor_ref",
          "assigned_to");

  private ListRunsRequest() {}

  public static RunListQuery parse(MultiValueMap<String, String> parameters) {
    TimeRange created = TimeRange.ANY;
    TimeRange updated = TimeRange.ANY;
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      Matcher range = RANGE.matcher(name);
      Matcher meta = METADATA.matcher(name);
      if (range.matches()) {
        TimeRange bound = TimeRange.parse(name, range.group(2), Paging.single(parameters, name));
        if (range.group(1).equals("created")) {
          created = created.and(bound);
        } else {
          updated = updated.and(bound);
        }
      } else if (meta.matches()) {
        metadata.put(meta.group(1), Paging.single(parameters, name));
      } else if (!PLAIN.contains(name)) {
        throw ApiException.invalid(name, "Unknown parameter: " + name + ".");
      }
    }
    Paging paging = Paging.read(parameters);
    runId(paging.startingAfter(), "starting_after");
    runId(paging.endingBefore(), "ending_before");
    return new RunListQuery(
        paging,
        statuses(parameters.get("status")),
        templateId(parameters),
        text(parameters, "executor_ref"),
        memberId(parameters),
        created,
        updated,
        metadata);
  }

  /** A cursor of the run list is a run id. */
  private static void runId(String value, String name) {
    if (value != null && !PrefixedIds.isValid("r", value)) {
      throw ApiException.invalid(name, name + " is a run id, r-{uuid}.");
    }
  }

  private static Set<RunStatus> statuses(List<String> values) {
    Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
    if (values == null) {
      return statuses;
    }
    for (String value : values) {
      for (String status : value.split(",", -1)) {
        statuses.add(status(status));
      }
    }
    return statuses;
  }

  private static RunStatus status(String wire) {
    for (RunStatus status : RunStatus.values()) {
      if (status.wire().equals(wire)) {
        return status;
      }
    }
    throw ApiException.invalid(
        "status", "status is pending, in_progress, completed, cancelled or expired.");
  }

  private static TemplateId templateId(MultiValueMap<String, String> parameters) {
    String value = Paging.single(parameters, "template_id");
    if (value == null) {
      return null;
    }
    if (!PrefixedIds.isValid("t", value)) {
      throw ApiException.invalid("template_id", "template_id is a template id, t-{uuid}.");
    }
    return new TemplateId(value);
  }

  private static String memberId(MultiValueMap<String, String> parameters) {
    String value = Paging.single(parameters, "assigned_to");
    if (value != null && !PrefixedIds.isValid("u", value)) {
      throw ApiException.invalid("assigned_to", "assigned_to is a member id, u-{uuid}.");
    }
    return value;
  }

  private static String text(MultiValueMap<String, String> parameters, String name) {
    String value = Paging.single(parameters, name);
    if (value != null && value.isEmpty()) {
      throw ApiException.invalid(name, name + " is not empty when given.");
    }
    return value;
  }
}
