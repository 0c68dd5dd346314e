package app.rundun.contracts.runs;

/** Answerable steps, and how many are answered or skipped. */
public record Progress(int total, int answered, int skipped) {}
