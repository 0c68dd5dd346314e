package app.rundun.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** One operation of the OpenAPI document: method, path template, its query and body field names. */
record Operation(String method, String path, List<String> query, List<String> fields) {

  /** Every operation of {@code docs/openapi.yaml}, with its query parameters and body fields. */
  @SuppressWarnings("unchecked")
  static List<Operation> all() {
    Map<String, Object> document;
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "openapi.yaml"))) {
      document = new Yaml().load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    List<Operation> found = new ArrayList<>();
    ((Map<String, Map<String, Object>>) document.get("paths"))
        .forEach((path, methods) ->
            methods.forEach((method, spec) -> {
              if (!(spec instanceof Map<?, ?> operation)) {
                return;
              }
              found.add(
                  new Operation(
                      method.toUpperCase(java.util.Locale.ROOT),
                      path,
                      queryParameters((Map<String, Object>) operation, components),
                      bodyFields((Map<String, Object>) operation, components)));
            }));
    return found;
  }

  @SuppressWarnings("unchecked")
  private static List<String> queryParameters(
      Map<String, Object> operation, Map<String, Object> components) {
    List<String> names = new ArrayList<>();
    for (Object parameter : (List<Object>) operation.getOrDefault("parameters", List.of())) {
      Map<String, Object> resolved = resolve((Map<String, Object>) parameter, components);
      if ("query".equals(resolved.get("in"))) {
        names.add((String) resolved.get("name"));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static List<String> bodyFields(
      Map<String, Object> operation, Map<String, Object> components) {
    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
    if (body == null) {
      return List.of();
    }
    Map<String, Object> content = (Map<String, Object>) body.get("content");
    Map<String, Object> json = (Map<String, Object>) content.get("application/json");
    if (json == null) {
      return List.of();
    }
    Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"), components);
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    return properties == null ? List.of() : List.copyOf(properties.keySet());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(
      Map<String, Object> node, Map<String, Object> components) {
    Object ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String[] parts = ref.toString().substring("#/components/".length()).split("/");
    return (Map<String, Object>) ((Map<String, Object>) components.get(parts[0])).get(parts[1]);
  }
}
