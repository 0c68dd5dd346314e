package app.rundun.ingest.executor;

import app.rundun.contracts.errors.ApiException;
import app.rundun.ingest.auth.SignedInMember;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who acts on a run from the app: the member signed in to it if there is one, else the device that
 * sends {@value #DEVICE_HEADER}. Controllers take it as an argument, read once per request.
 *
 * @param id the member's user id or the device token; null when the request names neither
 */
record Holder(String id) {

  /** The executor app's device token: the device that opens a run holds it. */
  static final String DEVICE_HEADER = "Rundun-Device";

  /** The holder, for a request that must name one (opening a run). */
  String required() {
    if (id == null) {
      throw ApiException.invalid(
          DEVICE_HEADER,
          "Opening a run needs the device that will hold it ("
              + DEVICE_HEADER
              + ") or a member's sign-in.");
    }
    return id;
  }

  /** A device id is the app's own random token; anything else is refused rather than stored. */
  static Holder of(String deviceHeader) {
    var member = SignedInMember.current();
    if (member.isPresent()) {
      return new Holder(member.get().userId());
    }
    if (deviceHeader == null) {
      return new Holder(null);
    }
    if (!deviceHeader.matches("[A-Za-z0-9_-]{16,64}")) {
      throw ApiException.invalid(
          DEVICE_HEADER, DEVICE_HEADER + " is 16 to 64 letters, digits, - or _.");
    }
    return new Holder(deviceHeader);
  }

  /** Resolves a {@link Holder} argument of a controller method. */
  @Configuration(proxyBeanMethods = false)
  static class Argument implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
      resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Holder.class;
    }

    @Override
    public Holder resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mav,
        NativeWebRequest request,
        WebDataBinderFactory binders) {
      return Holder.of(request.getHeader(DEVICE_HEADER));
    }
  }
}
