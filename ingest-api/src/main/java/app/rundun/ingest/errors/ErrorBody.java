package app.rundun.ingest.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The spec's error body: {@code error}, {@code message}, {@code param}, {@code request_id}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String error, String message, String param, String requestId) {}
