package app.rundun.management;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A service with a management port of its own, as the API and the run-processor have: a server of
 * its own, with its own filters and error endpoint, keeps the same promises.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementOwnPortTest extends ManagementPortContract {

  @LocalManagementPort int port;

  @Override
  int managementPort() {
    return port;
  }
}
