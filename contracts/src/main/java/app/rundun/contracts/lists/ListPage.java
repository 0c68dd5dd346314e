package app.rundun.contracts.lists;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as Stripe answers it: {@code {"object": "list", "data": [...], "has_more":
 * ...}}. {@code has_more} says whether more items lie beyond the page in the direction it was read.
 */
@JsonPropertyOrder({"object", "data", "has_more"})
@JsonIgnoreProperties(value = "object", allowGetters = true)
public record ListPage<T>(List<T> data, boolean hasMore) {

  public ListPage {
    data = List.copyOf(data);
  }

  @JsonProperty("object")
  public String object() {
    return "list";
  }

  public <R> ListPage<R> map(Function<T, R> mapping) {
    return new ListPage<>(data.stream().map(mapping).toList(), hasMore);
  }
}
