package app.rundun.contracts.runs;

/** A photo of an answer, with a signed URL that expires. */
public record PhotoResource(int photoIndex, String url) {}
