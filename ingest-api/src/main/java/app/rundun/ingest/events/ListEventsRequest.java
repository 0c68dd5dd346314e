package app.rundun.ingest.events;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.lists.TimeRange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * {@code GET /v1/events}' query string: {@code type} (repeat it, or comma-separate, for several),
 * {@code run_id}, {@code created[gte|gt|lte|lt]}, and the list's {@code limit} and cursors (event
 * ids). Anything else is 400 naming it.
 */
final class ListEventsRequest {

  private static final Pattern CREATED = Pattern.compile("created\\[(gte|gt|lte|lt)]");
  private static final Set<String> PLAIN =
      Set.of("limit", "starting_after", "ending_before", "type", "run_id");

  private ListEventsRequest() {}

  static EventListQuery parse(MultiValueMap<String, String> parameters) {
    TimeRange created = TimeRange.ANY;
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      Matcher range = CREATED.matcher(name);
      if (range.matches()) {
        created =
            created.and(TimeRange.parse(name, range.group(1), Paging.single(parameters, name)));
      } else if (!PLAIN.contains(name)) {
        throw ApiException.invalid(name, "Unknown parameter: " + name + ".");
      }
    }
    Paging paging = Paging.read(parameters);
    eventId(paging.startingAfter(), "starting_after");
    eventId(paging.endingBefore(), "ending_before");
    String runId = Paging.single(parameters, "run_id");
    if (runId != null && !PrefixedIds.isValid("r", runId)) {
      throw ApiException.invalid("run_id", "run_id is a run id, r-{uuid}.");
    }
    return new EventListQuery(paging, types(parameters.get("type")), runId, created);
  }

  private static Set<String> types(List<String> values) {
    Set<String> types = new LinkedHashSet<>();
    if (values == null) {
      return types;
    }
    for (String value : values) {
      for (String type : value.split(",", -1)) {
        if (RunEventType.fromWire(type).isEmpty()) {
          throw ApiException.invalid(
              "type",
              "type is one of "
                  + String.join(", ", RunEventType.wireNames())
                  + "; not "
                  + type
                  + ".");
        }
        types.add(type);
      }
    }
    return types;
  }

  /** A cursor of the event list is an event id. */
  private static void eventId(String value, String name) {
    if (value != null && !PrefixedIds.isValid("e", value)) {
      throw ApiException.invalid(name, name + " is an event id, e-{uuid}.");
    }
  }
}
