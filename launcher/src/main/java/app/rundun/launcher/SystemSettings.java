package app.rundun.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one {@link RundunSystem}: {@link #local(Path)} gives a system on this machine
 * with its data in a folder and every port picked free; each {@code with…} names what differs. The
 * four secrets (operator token, media-signing secret, member-token secret, webhook secret key) have
 * no default and must be given; the metrics token is optional.
 */
public final class SystemSettings {

  /** Webhooks may reach loopback receivers: for a system whose receivers run on this machine. */
  public static final String LOOPBACK = "127.0.0.0/8,::1/128";

  private final Path dataDir;
  private int apiPort;
  private int processorPort;
  private int kafkaPort;
  private int controllerPort;
  private String externalBootstrapServers;
  private String operatorToken;
  private String mediaSigningSecret;
  private String memberTokenSecret;
  private String webhookSecretKey;
  private String webhookAllowedCidrs;
  private String publicBaseUrl;
  private String metricsToken;
  private int apiManagementPort;
  private int processorManagementPort;
  private int dispatcherManagementPort;
  private final Map<String, String> extraProperties = new HashMap<>();

  private SystemSettings(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
  }

  public static SystemSettings local(Path dataDir) {
    return new SystemSettings(dataDir);
  }

  public SystemSettings withApiPort(int port) {
    this.apiPort = port;
    return this;
  }

  public SystemSettings withProcessorPort(int port) {
    this.processorPort = port;
    return this;
  }

  /** The embedded broker's client port; its controller's is {@link #withControllerPort}. */
  public SystemSettings withKafkaPort(int port) {
    this.kafkaPort = port;
    return this;
  }

  public SystemSettings withControllerPort(int port) {
    this.controllerPort = port;
    return this;
  }

  /** Runs on this cluster instead of an embedded broker. */
  public SystemSettings withExternalKafka(String bootstrapServers) {
    this.externalBootstrapServers = bootstrapServers;
    return this;
  }

  public SystemSettings withOperatorToken(String token) {
    this.operatorToken = token;
    return this;
  }

  public SystemSettings withMediaSigningSecret(String secret) {
    this.mediaSigningSecret = secret;
    return this;
  }

  public SystemSettings withMemberTokenSecret(String secret) {
    this.memberTokenSecret = secret;
    return this;
  }

  public SystemSettings withWebhookSecretKey(String key) {
    this.webhookSecretKey = key;
    return this;
  }

  public SystemSettings withWebhookAllowedCidrs(String cidrs) {
    this.webhookAllowedCidrs = cidrs;
    return this;
  }

  public SystemSettings withPublicBaseUrl(String url) {
    this.publicBaseUrl = url;
    return this;
  }

  /** The credential of the Prometheus scrape; without it every service refuses the scrape. */
  public SystemSettings withMetricsToken(String token) {
    this.metricsToken = token;
    return this;
  }

  /** The first ingest-api's management port (probes and metrics); 0 picks a free one. */
  public SystemSettings withApiManagementPort(int port) {
    this.apiManagementPort = port;
    return this;
  }

  /** The first run-processor's management port; 0 picks a free one. */
  public SystemSettings withProcessorManagementPort(int port) {
    this.processorManagementPort = port;
    return this;
  }

  /** The webhook-dispatcher's management port; 0 picks a free one. */
  public SystemSettings withDispatcherManagementPort(int port) {
    this.dispatcherManagementPort = port;
    return this;
  }

  /** Spring properties given to every service of the system. */
  public SystemSettings withProperties(Map<String, String> properties) {
    this.extraProperties.putAll(properties);
    return this;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Picked free, once, when not given: photo links are made with it before the API starts. */
  public int apiPort() {
    if (apiPort == 0) {
      apiPort = freePort();
    }
    return apiPort;
  }

  /** 0 lets the first run-processor's server pick a free port. */
  public int processorPort() {
    return processorPort;
  }

  /** Picked free, once, when not given: the broker's controller needs to know it ahead. */
  public int kafkaPort() {
    if (kafkaPort == 0) {
      kafkaPort = freePort();
    }
    return kafkaPort;
  }

  public int controllerPort() {
    if (controllerPort == 0) {
      controllerPort = freePort();
    }
    return controllerPort;
  }

  public String externalBootstrapServers() {
    return externalBootstrapServers;
  }

  public String operatorToken() {
    return operatorToken;
  }

  public String mediaSigningSecret() {
    return mediaSigningSecret;
  }

  public String memberTokenSecret() {
    return memberTokenSecret;
  }

  public String webhookSecretKey() {
    return webhookSecretKey;
  }

  public String webhookAllowedCidrs() {
    return webhookAllowedCidrs;
  }

  public String publicBaseUrl() {
    return publicBaseUrl;
  }

  public String metricsToken() {
    return metricsToken == null ? "" : metricsToken;
  }

  public int apiManagementPort() {
    return apiManagementPort;
  }

  public int processorManagementPort() {
    return processorManagementPort;
  }

  public int dispatcherManagementPort() {
    return dispatcherManagementPort;
  }

  public Map<String, String> extraProperties() {
    return Map.copyOf(extraProperties);
  }

  /** A port free on this machine now: for a local service, or a test's own server. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
