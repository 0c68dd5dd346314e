package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import java.util.function.Function;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ids in a path ({@code @PathVariable RunId runId}) are read once, here: a value that is not an id
 * of its kind names nothing, so it is not found (404), like an id that names nothing.
 */
@Configuration(proxyBeanMethods = false)
class PathIds implements WebMvcConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, RunId.class, id("r", "run", RunId::new));
    registry.addConverter(String.class, TemplateId.class, id("t", "template", TemplateId::new));
  }

  private static <T> Converter<String, T> id(
      String prefix, String kind, Function<String, T> parse) {
    return value -> {
      if (!PrefixedIds.isValid(prefix, value)) {
        throw ApiException.notFound(kind, value);
      }
      return parse.apply(value);
    };
  }
}
