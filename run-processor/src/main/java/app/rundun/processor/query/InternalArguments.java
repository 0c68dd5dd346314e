package app.rundun.processor.query;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import jakarta.servlet.http.HttpServletRequest;
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
 * The typed ids an internal path names, as handler arguments: {@link OrgId}, {@link RunId} and
 * {@link TemplateId} from the path's {@code {orgId}}, {@code {runId}} and {@code {templateId}}
 * ({@link InternalPaths}), the {@link Mode} from {@code mode=}. Made here rather than by
 * {@code @PathVariable} and {@code @RequestParam}, whose conversion made a data binder for every
 * argument: an eighth of the run-processor's side of a read of a run.
 */
@Configuration
class InternalArguments implements WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new TypedIds());
  }

  static final class TypedIds implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      Class<?> type = parameter.getParameterType();
      return type == OrgId.class
          || type == RunId.class
          || type == TemplateId.class
          || type == Mode.class;
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest request,
        WebDataBinderFactory binderFactory) {
      Class<?> type = parameter.getParameterType();
      if (type == Mode.class) {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return InternalPaths.modeOf(servlet == null ? null : servlet.getQueryString());
      }
      @SuppressWarnings("unchecked")
      Map<String, String> variables =
          (Map<String, String>)
              request.getAttribute(
                  HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      if (type == OrgId.class) {
        return new OrgId(variables.get("orgId"));
      }
      if (type == RunId.class) {
        return new RunId(variables.get("runId"));
      }
      return new TemplateId(variables.get("templateId"));
    }
  }
}
