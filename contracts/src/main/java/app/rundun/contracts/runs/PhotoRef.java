package app.rundun.contracts.runs;

/** A stored photo an answer refers to: its object key, digest and content type. */
public record PhotoRef(String key, String sha256, String contentType) {}
