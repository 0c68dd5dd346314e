package app.rundun.launcher;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * JSON text of every shape for the fuzz test: scalars a lax parser would coerce (huge and infinite
 * numbers, lone surrogates, NUL), nested arrays and objects, and objects with a given set of
 * fields.
 */
final class JsonArbitraries {

  private JsonArbitraries() {}

  static Arbitrary<String> object(List<String> fields, Arbitrary<String> values) {
    List<String> names = new ArrayList<>(fields);
    names.add("unknown_field");
    return Arbitraries.of(names)
        .flatMap(name -> values.map(value -> "\"" + name + "\":" + value))
        .list()
        .ofMinSize(1)
        .ofMaxSize(Math.max(1, fields.size()))
        .map(members -> "{" + String.join(",", members) + "}");
  }

  static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "true",
                "false",
                "0",
                "-1",
                "1.5",
                "1e999999",
                "-1e999999",
                "123456789012345678901234567890",
                "\"\"",
                "\"\\ud800\"",
                "\"\\u0000\"",
                "\"live\"",
                "\"team\"",
                "\"https://example.com/hook\"",
                "\"http://0177.0.0.1/\"",
                "\"whsec_x\"",
                "\"s-od01\"",
                "\"none\"",
                "\"member\"",
                "\"number\"",
                "\"photo\""),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.doubles()
                .map(String::valueOf)
                .filter(s -> !s.contains("Infinity") && !s.contains("NaN")),
            Arbitraries.strings().all().ofMaxLength(40).map(JsonArbitraries::string));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalar),
        net.jqwik.api.Tuple.of(
            1, inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")),
        net.jqwik.api.Tuple.of(
            1,
            object(
                List.of("id", "type", "title", "value", "url", "min", "steps", "options"), inner)));
  }

  private static String string(String raw) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : raw.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
