package app.rundun.management;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A management port of its own is a server of its own, whose filters and web server settings are
 * not the service's: the request id and the container's error body are registered there too, so a
 * scrape refused or a probe mistyped is answered as on the service's own port.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class OwnManagementPort {

  @Bean
  FilterRegistrationBean<RequestIds> requestIdsOnTheManagementPort() {
    return ManagementAutoConfiguration.firstFilter(new RequestIds());
  }

  @Bean
  ContainerErrors containerErrorsOnTheManagementPort() {
    return new ContainerErrors();
  }
}
