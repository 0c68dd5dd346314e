package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes} stay true to the services: probes on the
 * management port each service really listens on, a volume for the run-processor's state with a
 * standby elsewhere, a disruption budget per workload, and only secret keys the README's command
 * creates.
 */
class DeployManifestsTest {

  private static final Path MANIFEST = Path.of("..", "deploy", "kubernetes", "rundun.yaml");
  private static final Map<String, String> MANAGEMENT_PORT_SETTING =
      Map.of(
          "ingest-api", "RUNDUN_API_MANAGEMENT_PORT",
          "run-processor", "RUNDUN_PROCESSOR_MANAGEMENT_PORT",
          "webhook-dispatcher", "RUNDUN_DISPATCHER_MANAGEMENT_PORT");

  private static String text;
  private static List<Map<String, Object>> documents;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws Exception {
    text = Files.readString(MANIFEST);
    documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(text)) {
      documents.add((Map<String, Object>) document);
    }
  }

  @Test
  void everyServiceRunsAsAWorkloadWithProbesOnItsManagementPort() {
    for (var service : MANAGEMENT_PORT_SETTING.entrySet()) {
      Map<String, Object> workload = workload(service.getKey());
      Map<String, Object> container = container(workload);
      int managementPort = Integer.parseInt(env(container, service.getValue()));
      assertThat(portNamed(container, "management"))
          .as("%s's management containerPort", service.getKey())
          .isEqualTo(managementPort);
      assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
      assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
      assertThat(map(map(container, "livenessProbe"), "httpGet").get("port"))
          .isEqualTo("management");
      assertThat(envNames(container))
          .as("the scrape's credential")
          .contains("RUNDUN_METRICS_TOKEN");
      assertThat(env(container, "RUNDUN_METRICS_TOKEN")).as("taken from the secret").isNull();
    }
  }

  @Test
  void runProcessorsKeepTheirStateOnAVolumeWithAStandbyElsewhere() {
    Map<String, Object> processors = workload("run-processor");
    assertThat(processors.get("kind")).isEqualTo("StatefulSet");
    Map<String, Object> spec = map(processors, "spec");
    assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
    Map<String, Object> container = container(processors);
    assertThat(Integer.parseInt(env(container, "RUNDUN_STANDBY_REPLICAS")))
        .isGreaterThanOrEqualTo(1);
    String claim = (String) map(list(spec, "volumeClaimTemplates").get(0), "metadata").get("name");
    assertThat(list(container, "volumeMounts"))
        .anySatisfy(mount -> {
          assertThat(mount.get("name")).isEqualTo(claim);
          assertThat(mount.get("mountPath")).isEqualTo(env(container, "RUNDUN_STATE_DIR"));
        });
    String headless = (String) spec.get("serviceName");
    Map<String, Object> service = named("Service", headless);
    assertThat(map(service, "spec").get("clusterIP")).isEqualTo("None");
    assertThat(env(container, "RUNDUN_ADVERTISED_HOST")).isEqualTo("$(POD_NAME)." + headless);

    String urls = env(container(workload("ingest-api")), "RUNDUN_PROCESSOR_URLS");
    int internalPort = Integer.parseInt(env(container, "RUNDUN_PROCESSOR_PORT"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < (Integer) spec.get("replicas"); i++) {
      expected.add("http://run-processor-" + i + "." + headless + ":" + internalPort);
    }
    assertThat(urls.split(",")).containsExactlyElementsOf(expected);
  }

  @Test
  void everyWorkloadHasADisruptionBudgetSelectingItsPods() {
    for (String name : MANAGEMENT_PORT_SETTING.keySet()) {
      Map<String, Object> podLabels =
          map(map(map(map(workload(name), "spec"), "template"), "metadata"), "labels");
      Map<String, Object> budget = named("PodDisruptionBudget", name);
      Map<String, Object> selector = map(map(map(budget, "spec"), "selector"), "matchLabels");
      assertThat(podLabels).containsAllEntriesOf(selector);
    }
  }

  @Test
  void everySecretKeyUsedIsOneTheDocumentedCommandCreates() {
    Matcher created = Pattern.compile("--from-literal=([a-z0-9-]+)=").matcher(text);
    List<String> documented = new ArrayList<>();
    while (created.find()) {
      documented.add(created.group(1));
    }
    Matcher used = Pattern.compile("key: ([a-z0-9-]+)}").matcher(text);
    List<String> keys = new ArrayList<>();
    while (used.find()) {
      keys.add(used.group(1));
    }
    assertThat(keys).isNotEmpty();
    assertThat(documented).containsAll(keys);
  }

  private static Map<String, Object> workload(String name) {
    return documents.stream()
        .filter(d -> List.of("Deployment", "StatefulSet").contains(d.get("kind")))
        .filter(d -> name.equals(map(d, "metadata").get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no workload " + name));
  }

  private static Map<String, Object> named(String kind, String name) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d, "metadata").get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static Map<String, Object> container(Map<String, Object> workload) {
    return list(map(map(map(workload, "spec"), "template"), "spec"), "containers").get(0);
  }

  private static String env(Map<String, Object> container, String name) {
    return list(container, "env").stream()
        .filter(e -> name.equals(e.get("name")))
        .findFirst()
        .map(e -> (String) e.get("value"))
        .orElse(null);
  }

  private static List<Object> envNames(Map<String, Object> container) {
    return list(container, "env").stream().map(e -> e.get("name")).toList();
  }

  private static int portNamed(Map<String, Object> container, String name) {
    return list(container, "ports").stream()
        .filter(p -> name.equals(p.get("name")))
        .map(p -> (Integer) p.get("containerPort"))
        .findFirst()
        .orElseThrow();
  }

  private static String probePath(Map<String, Object> container, String probe) {
    return (String) map(map(container, probe), "httpGet").get("path");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (List<Map<String, Object>>) parent.get(key);
  }
}
