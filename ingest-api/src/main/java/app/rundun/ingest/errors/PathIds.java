package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ids in a path are read once, here: a handler takes {@code RunId runId} (or {@code TemplateId
 * templateId}) and gets the path variable of that name, typed. A value that is not an id of its
 * kind names nothing, so it is not found (404), like an id that names nothing. Resolved here rather
 * than by {@code @PathVariable}, whose conversion makes a data binder per argument: a twelfth of
 * the API's side of a read of a run.
 */
@Configuration(proxyBeanMethods = false)
class PathIds implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    return type == RunId.class || type == TemplateId.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>)
            request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    String name = parameter.getParameterName();
    String value = variables == null ? null : variables.get(name);
    if (value == null) {
      throw new IllegalStateException(
          parameter.getExecutable() + " takes " + name + ", which its path does not name");
    }
    boolean run = parameter.getParameterType() == RunId.class;
    try {
      return run ? new RunId(value) : new TemplateId(value);
    } catch (ApiException malformed) {
      throw ApiException.notFound(run ? "run" : "template", value);
    }
  }
}
