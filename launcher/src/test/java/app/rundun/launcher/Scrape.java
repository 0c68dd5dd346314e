package app.rundun.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A service's Prometheus scrape, read as Prometheus reads it: HTTP Basic as {@code prometheus} with
 * the metrics token.
 */
final class Scrape {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Scrape() {}

  /** The scrape of the system's service whose name contains {@code service}. */
  static String of(RundunSystem system, String service, String metricsToken) {
    RundunSystem.ManagementTarget target =
        system.managementTargets().stream()
            .filter(t -> t.service().contains(service))
            .findFirst()
            .orElseThrow();
    String credentials = "prometheus:" + metricsToken;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.url() + "/actuator/prometheus"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .build();
    try {
      HttpResponse<String> scraped = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (scraped.statusCode() != 200) {
        throw new IllegalStateException("The scrape answered " + scraped.statusCode());
      }
      return scraped.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The sum of a metric's samples, over those whose labels contain {@code labels}. */
  static double sum(String scrape, String metric, String labels) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> line.contains(labels))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
