package app.rundun.contracts.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The spec's error body: {@code error}, {@code message}, {@code param} where one input is at fault,
 * {@code request_id}. Named explicitly, so that any mapper writes it alike: the API's and the
 * management ports' plain one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
    String error, String message, String param, @JsonProperty("request_id") String requestId) {

  public static ErrorBody of(ApiException refusal, String requestId) {
    return new ErrorBody(refusal.code().code(), refusal.getMessage(), refusal.param(), requestId);
  }
}
