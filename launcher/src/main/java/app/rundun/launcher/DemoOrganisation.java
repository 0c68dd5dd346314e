package app.rundun.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The demo organisation of a local system, on the Starter plan, with a live and a test key. Keys
 * are shown once and kept by Rundun only as hashes, so the launcher keeps its own copy in the data
 * folder to print them again on the next start.
 */
record DemoOrganisation(String orgId, String liveKey, String testKey) {

  static DemoOrganisation ensure(String apiBaseUrl, String operatorToken, Path file)
      throws IOException {
    if (Files.exists(file)) {
      PrivateFiles.restrict(file);
      Properties saved = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
      }
      return new DemoOrganisation(
          saved.getProperty("org_id"),
          saved.getProperty("live_key"),
          saved.getProperty("test_key"));
    }
    Operator operator = new Operator(apiBaseUrl, operatorToken);
    String orgId = operator.createOrganisation("Demo", "starter");
    String live = operator.issueKey(orgId, "Demo live key", "live");
    String test = operator.issueKey(orgId, "Demo test key", "test");
    Properties saved = new Properties();
    saved.setProperty("org_id", orgId);
    saved.setProperty("live_key", live);
    saved.setProperty("test_key", test);
    PrivateFiles.store(file, saved, "Demo organisation of the local Rundun; keys are secrets");
    return new DemoOrganisation(orgId, live, test);
  }
}
