package app.rundun.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * {@code ./run-local}: starts everything on this machine and prints where to go. Settings come from
 * the environment: {@code RUNDUN_DATA_DIR} (./data), {@code RUNDUN_API_PORT} (8080), {@code
 * RUNDUN_PROCESSOR_PORT} (8081), {@code RUNDUN_KAFKA_PORT} (9092), {@code
 * RUNDUN_KAFKA_CONTROLLER_PORT} (9093), {@code RUNDUN_PUBLIC_BASE_URL}, {@code
 * RUNDUN_CONSOLE_LOG_LEVEL} (WARN; the full log is in the data folder's logs/rundun.log), {@code
 * RUNDUN_API_MANAGEMENT_PORT} (8090), {@code RUNDUN_PROCESSOR_MANAGEMENT_PORT} (8091), {@code
 * RUNDUN_DISPATCHER_MANAGEMENT_PORT} (8092).
 */
public final class LocalRundun {

  /** On one machine, webhooks to a local receiver are the point; elsewhere they are refused. */
  private LocalRundun() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = dataDir();
    quietConsole(dataDir);
    int apiPort = Integer.parseInt(env("RUNDUN_API_PORT", "8080"));
    Properties secrets = secrets(dataDir.resolve("local-secrets.properties"));
    SystemSettings settings =
        SystemSettings.local(dataDir)
            .withApiPort(apiPort)
            .withProcessorPort(Integer.parseInt(env("RUNDUN_PROCESSOR_PORT", "8081")))
            .withKafkaPort(Integer.parseInt(env("RUNDUN_KAFKA_PORT", "9092")))
            .withControllerPort(Integer.parseInt(env("RUNDUN_KAFKA_CONTROLLER_PORT", "9093")))
            .withOperatorToken(secrets.getProperty("operator_token"))
            .withMediaSigningSecret(secrets.getProperty("media_signing_secret"))
            .withMemberTokenSecret(secrets.getProperty("member_token_secret"))
            .withWebhookSecretKey(secrets.getProperty("webhook_secret_key"))
            .withMetricsToken(secrets.getProperty("metrics_token"))
            .withApiManagementPort(Integer.parseInt(env("RUNDUN_API_MANAGEMENT_PORT", "8090")))
            .withProcessorManagementPort(
                Integer.parseInt(env("RUNDUN_PROCESSOR_MANAGEMENT_PORT", "8091")))
            .withDispatcherManagementPort(
                Integer.parseInt(env("RUNDUN_DISPATCHER_MANAGEMENT_PORT", "8092")))
            .withWebhookAllowedCidrs(env("RUNDUN_WEBHOOK_ALLOWED_CIDRS", SystemSettings.LOOPBACK))
            .withPublicBaseUrl(env("RUNDUN_PUBLIC_BASE_URL", "http://localhost:" + apiPort));
    RundunSystem system = RundunSystem.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(system::close, "rundun-shutdown"));
    DemoOrganisation demo =
        DemoOrganisation.ensure(
            system.apiBaseUrl(),
            settings.operatorToken(),
            dataDir.resolve("demo-organisation.properties"));
    System.out.println(
        """

        ================================================================
         Rundun is running
           API              %s/v1   (docs: %s/docs)
           Live API key     %s
           Test API key     %s
           Demo org         %s (Starter plan, 30 runs a month)
           Operator token   %s   (for /admin/v1)
           Kafka bootstrap  %s
           Metrics          %s   (user prometheus, password %s)
           Data folder      %s
           Full log         %s   (this console shows warnings and errors)
           Webhooks may also reach %s (RUNDUN_WEBHOOK_ALLOWED_CIDRS), for local receivers
         Try:
           curl -X POST %s/v1/templates -H "Authorization: Bearer %s" \\
             -H "Content-Type: application/json" \\
             -d '{"name":"Vehicle check","steps":[{"id":"s-od01","type":"number","title":"Odometer","unit":"km"}]}'
         Stop with Ctrl+C; data is kept for the next start.
        ================================================================
        """
            .formatted(
                system.apiBaseUrl(),
                system.apiBaseUrl(),
                demo.liveKey(),
                demo.testKey(),
                demo.orgId(),
                settings.operatorToken(),
                system.bootstrapServers(),
                system.managementTargets().stream()
                    .map(target -> target.url() + "/actuator/prometheus")
                    .collect(java.util.stream.Collectors.joining(" ")),
                settings.metricsToken(),
                dataDir,
                logFile(dataDir),
                settings.webhookAllowedCidrs(),
                system.apiBaseUrl(),
                demo.liveKey()));
    Thread.currentThread().join();
  }

  private static Path logFile(Path dataDir) {
    return dataDir.resolve("logs").resolve("rundun.log");
  }

  /** Where {@code ./run-local} keeps its data: {@code RUNDUN_DATA_DIR}, else {@code ./data}. */
  static Path dataDir() {
    return Path.of(env("RUNDUN_DATA_DIR", "data")).toAbsolutePath();
  }

  /**
   * Logs go to a file under {@code dataDir}; the console shows warnings and the banner only. Read
   * by the launcher's logback.xml, so it must be set before the first logger exists: Kafka's broker
   * alone prints thousands of INFO lines at start, and the banner would scroll away.
   */
  static void quietConsole(Path dataDir) {
    System.setProperty("rundun.log.file", logFile(dataDir).toString());
    System.setProperty("rundun.log.console", env("RUNDUN_CONSOLE_LOG_LEVEL", "WARN"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Secrets made at the first start and kept in the data folder (any missing one is added), unless
   * the environment sets the operator token.
   */
  static Properties secrets(Path file) throws IOException {
    Properties secrets = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        secrets.load(in);
      }
    }
    int known = secrets.size();
    secrets.putIfAbsent("operator_token", "rdo_" + random());
    secrets.putIfAbsent("media_signing_secret", random());
    secrets.putIfAbsent("member_token_secret", random());
    secrets.putIfAbsent("metrics_token", "rdm_" + random());
    secrets.putIfAbsent("webhook_secret_key", Base64.getEncoder().encodeToString(randomBytes(32)));
    if (secrets.size() != known) {
      PrivateFiles.store(file, secrets, "Secrets of the local Rundun");
    }
    PrivateFiles.restrict(file);
    String token = System.getenv("RUNDUN_OPERATOR_TOKEN");
    if (token != null && !token.isBlank()) {
      secrets.setProperty("operator_token", token);
    }
    return secrets;
  }

  private static String random() {
    return HexFormat.of().formatHex(randomBytes(24));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
