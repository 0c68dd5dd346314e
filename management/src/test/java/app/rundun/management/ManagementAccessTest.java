package app.rundun.management;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A service whose port is its management port, as the webhook dispatcher's is. */
class ManagementAccessTest extends ManagementPortContract {

  @LocalServerPort int port;

  @Override
  int managementPort() {
    return port;
  }
}
