package app.rundun.contracts.runs;

import app.rundun.contracts.errors.ApiException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The integrator's own key-value pairs on a run, with Stripe's rules: up to 50 keys, a key up to 40
 * characters, a value a string up to 500 characters. Keys are kept sorted, so every read shows them
 * alike.
 */
public record Metadata(@JsonValue Map<String, String> entries) {

  public static final int MAX_KEYS = 50;
  public static final int MAX_KEY_LENGTH = 40;
  public static final int MAX_VALUE_LENGTH = 500;
  public static final Metadata NONE = new Metadata(Map.of());

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Metadata {
    if (entries == null) {
      entries = Map.of();
    }
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      check(entry.getKey(), entry.getValue());
      if (entry.getValue().isEmpty()) {
        throw ApiException.invalid(param(entry.getKey()), "A metadata value is never empty.");
      }
    }
    if (entries.size() > MAX_KEYS) {
      throw ApiException.invalid("metadata", "metadata has at most " + MAX_KEYS + " keys.");
    }
    entries = Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /**
   * This metadata with {@code changes} applied: a key with a value sets it, a key with an empty
   * string removes it (Stripe's rule). Also how a create's metadata is read, from nothing.
   */
  public Metadata with(Map<String, String> changes) {
    if (changes == null || changes.isEmpty()) {
      return this;
    }
    Map<String, String> next = new LinkedHashMap<>(entries);
    for (Map.Entry<String, String> change : changes.entrySet()) {
      check(change.getKey(), change.getValue());
      if (change.getValue().isEmpty()) {
        next.remove(change.getKey());
      } else {
        next.put(change.getKey(), change.getValue());
      }
    }
    return new Metadata(next);
  }

  /** Refuses changes that no metadata could take: a bad key, a value not a string or too long. */
  public static void checkChanges(Map<String, String> changes) {
    if (changes != null) {
      changes.forEach(Metadata::check);
    }
  }

  /** Whether every pair of {@code wanted} is here. */
  public boolean containsAll(Map<String, String> wanted) {
    return entries.entrySet().containsAll(wanted.entrySet());
  }

  private static void check(String key, String value) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw ApiException.invalid(
          "metadata", "A metadata key is 1 to " + MAX_KEY_LENGTH + " characters.");
    }
    if (key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
      throw ApiException.invalid("metadata", "A metadata key has no square brackets.");
    }
    if (value == null) {
      throw ApiException.invalid(
          param(key), "A metadata value is a string; send an empty string to remove a key.");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw ApiException.invalid(
          param(key), "A metadata value is at most " + MAX_VALUE_LENGTH + " characters.");
    }
  }

  private static String param(String key) {
    return "metadata[" + key + "]";
  }
}
