package app.rundun.processor.query;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Internal reads return an {@link Answer}, written straight to the response by a handler asked
 * before Spring MVC's own: a read of a run spent about a sixth of the processor's time in choosing
 * a converter and negotiating a content type for bytes that are already JSON.
 */
@Configuration
class AnswerWriting {

  @Bean
  WebMvcRegistrations answersFirst() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new AnswersFirst();
      }
    };
  }

  private static final class AnswersFirst extends RequestMappingHandlerAdapter {
    @Override
    public void afterPropertiesSet() {
      super.afterPropertiesSet();
      List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
      handlers.add(new AnswerWriter());
      handlers.addAll(getReturnValueHandlers());
      setReturnValueHandlers(handlers);
    }
  }

  private static final class AnswerWriter implements HandlerMethodReturnValueHandler {
    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
      return Answer.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(
        Object returnValue,
        MethodParameter returnType,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest)
        throws Exception {
      mavContainer.setRequestHandled(true);
      ((Answer) returnValue).writeTo(webRequest.getNativeResponse(HttpServletResponse.class));
    }
  }
}
