package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules shared by the two choice steps. */
final class Options {

  private static final Pattern OPTION_ID = Pattern.compile("o-[A-Za-z0-9_-]{1,60}");
  static final int MAX_OPTIONS = 100;

  private Options() {}

  static void validate(List<ChoiceOption> options, String param, String stepId) {
    if (options == null || options.isEmpty() || options.size() > MAX_OPTIONS) {
      throw ApiException.invalid(
          param + ".options", "Step " + stepId + " needs 1 to " + MAX_OPTIONS + " options.");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      ChoiceOption option = options.get(i);
      String at = param + ".options[" + i + "]";
      if (option == null || option.id() == null || !OPTION_ID.matcher(option.id()).matches()) {
        throw ApiException.invalid(
            at + ".id", "An option id is o- followed by 1 to 60 letters, digits, - or _.");
      }
      if (option.label() == null || option.label().isBlank() || option.label().length() > 200) {
        throw ApiException.invalid(at + ".label", "Option " + option.id() + " needs a label.");
      }
      if (!ids.add(option.id())) {
        throw ApiException.invalid(at + ".id", "Option id " + option.id() + " is used twice.");
      }
    }
  }

  static boolean contains(List<ChoiceOption> options, String id) {
    return options.stream().anyMatch(option -> option.id().equals(id));
  }
}
