package app.rundun.management;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A management port of its own is a server of its own, whose filters are not the service's: the
 * request id is registered there too, so a scrape refused or a probe mistyped has one.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementPortRequestIds {

  @Bean
  FilterRegistrationBean<RequestIds> requestIdsOnTheManagementPort() {
    return ManagementAutoConfiguration.firstFilter(new RequestIds());
  }
}
