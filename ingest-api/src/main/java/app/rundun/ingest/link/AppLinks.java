package app.rundun.ingest.link;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The native apps the link may open ({@code rundun.app-links.*}): iOS app ids ({@code
 * TEAMID.bundle.id}), and the Android package with the SHA-256 fingerprints of its signing keys.
 */
@ConfigurationProperties("rundun.app-links")
public record AppLinks(
    @DefaultValue("") List<String> appleAppIds,
    @DefaultValue("") String androidPackage,
    @DefaultValue("") List<String> androidSha256Fingerprints) {

  boolean hasApple() {
    return appleAppIds.stream().anyMatch(id -> !id.isBlank());
  }

  boolean hasAndroid() {
    return !androidPackage.isBlank() && !androidSha256Fingerprints.isEmpty();
  }
}
