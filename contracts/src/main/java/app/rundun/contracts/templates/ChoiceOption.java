package app.rundun.contracts.templates;

/** One option of a choice step; its id ({@code o-…}) is what an answer holds. */
public record ChoiceOption(String id, String label) {}
