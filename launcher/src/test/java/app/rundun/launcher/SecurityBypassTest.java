package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An attacker's tour of the access rules: every protected prefix spelled every way a path can be
 * spelled, without its credential, and the internal API asked directly. None of it may reach a
 * handler: the firewall refuses the non-canonical forms (400), the path rules the rest (401).
 */
class SecurityBypassTest {

  private static final String BODY = "{\"name\":\"x\",\"mode\":\"test\"}";

  @Test
  void theBypassesOfTheReportAreRefusedAndChangeNothing() {
    Api live = TestSystem.newOrganisation("starter");
    String base = live.baseUrl();
    String org = live.orgId();
    String packs = "/admin/v1/organisations/" + org + "/run_packs";

    // Step 1: each request of the report, with no Authorization header at all.
    List<RawHttp.Answer> answers =
        List.of(
            RawHttp.request(base, "POST", "/%61dmin/v1/organisations/" + org + "/api_keys", BODY),
            RawHttp.request(
                base, "PUT", "/ad%6Din/v1/organisations/" + org + "/plan", "{\"plan\":\"team\"}"),
            RawHttp.request(
                base,
                "POST",
                "/admin;x/v1/organisations/" + org + "/run_packs",
                "{\"runs\":1000000}"),
            RawHttp.request(base, "GET", "/v1;x/usage", null),
            RawHttp.request(
                base, "GET", "/%761/runs/r-00000000-0000-4000-8000-000000000000", null));
    for (RawHttp.Answer answer : answers) {
      assertThat(answer.status()).as(answer.body()).isIn(400, 401);
      answer.expectErrorShape();
    }

    // Step 2: nothing changed: the plan and the packs are as they were.
    var usage = live.get("/v1/usage").expect(200).json();
    assertThat(usage.get("plan").asString()).isEqualTo("starter");
    assertThat(usage.get("run_packs").asInt()).isZero();

    // Step 3: the canonical request with the operator token works, so the refusals above were
    // refusals of the spelling and the missing credential, not of a broken request.
    RawHttp.Answer proper =
        RawHttp.request(
            base,
            "POST",
            packs,
            "{\"runs\":100}",
            "Authorization: Bearer " + TestSystem.OPERATOR_TOKEN);
    assertThat(proper.status()).as(proper.body()).isEqualTo(201);
  }

  @Test
  void everySpellingOfEveryProtectedPathIsRefusedWithoutItsCredential() {
    Api live = TestSystem.newOrganisation("starter");
    String org = live.orgId();
    Map<String, String> protectedPaths =
        Map.of(
            "POST", "/admin/v1/organisations/" + org + "/api_keys",
            "PUT", "/admin/v1/organisations/" + org + "/plan",
            "GET", "/v1/usage",
            "DELETE", "/admin/v1/organisations/" + org + "/api_keys/k-1");
    List<String> extraGets =
        List.of(
            "/v1/runs/r-00000000-0000-4000-8000-000000000000",
            "/v1/templates",
            "/v1/members",
            "/v1/runs/r-00000000-0000-4000-8000-000000000000/webhook_deliveries");
    List<String[]> requests = new ArrayList<>();
    protectedPaths.forEach((method, path) -> requests.add(new String[] {method, path}));
    extraGets.forEach(path -> requests.add(new String[] {"GET", path}));

    int tried = 0;
    for (String[] request : requests) {
      for (String spelling : spellings(request[1])) {
        for (String credential : List.of("", "Authorization: Bearer " + live.key())) {
          boolean admin = request[1].startsWith("/admin");
          if (!admin && !credential.isEmpty()) {
            continue;
          }
          String[] headers = credential.isEmpty() ? new String[0] : new String[] {credential};
          String body = request[0].equals("GET") || request[0].equals("DELETE") ? null : BODY;
          RawHttp.Answer answer =
              RawHttp.request(live.baseUrl(), request[0], spelling, body, headers);
          // With an API key, a spelling no route has (/ADMIN/…) is a plain 404 from no handler.
          assertThat(answer.status())
              .as("%s %s %s: %s", request[0], spelling, credential, answer.body())
              .isIn(credential.isEmpty() ? List.of(400, 401) : List.of(400, 401, 403, 404));
          answer.expectErrorShape();
          tried++;
        }
      }
    }
    System.out.println("Path forms tried without their credential: " + tried + ", all refused");
    assertThat(tried).isGreaterThan(100);
  }

  @Test
  void theInternalApiAnswersOnlyItsCredentialAndNeverHandsOutPasswordHashes() {
    Api live = TestSystem.newOrganisation("starter");
    String processor = TestSystem.get().processorUrls().get(0);
    String usage = "/internal/orgs/" + live.orgId() + "/usage?mode=LIVE";
    assertThat(URI.create(processor).getHost()).isEqualTo("127.0.0.1");

    RawHttp.Answer none = RawHttp.request(processor, "GET", usage, null);
    assertThat(none.status()).isEqualTo(401);
    RawHttp.Answer wrong =
        RawHttp.request(processor, "GET", usage, null, "Authorization: Bearer rdi_guess");
    assertThat(wrong.status()).isEqualTo(401);
    RawHttp.Answer apiKey =
        RawHttp.request(processor, "GET", usage, null, "Authorization: Bearer " + live.key());
    assertThat(apiKey.status()).isEqualTo(401);
    // Access is decided on the decoded path: an encoded letter is the same path, still refused
    // without the token; a path parameter is refused outright, with the internal error body.
    RawHttp.Answer encoded =
        RawHttp.request(processor, "GET", usage.replace("/internal/", "/%69nternal/"), null);
    assertThat(encoded.status()).isEqualTo(401);
    RawHttp.Answer parameter =
        RawHttp.request(
            processor,
            "GET",
            usage.replace("/usage", "/usage;x"),
            null,
            "Authorization: Bearer " + TestSystem.INTERNAL_TOKEN);
    assertThat(parameter.status()).isEqualTo(400);
    assertThat(parameter.body()).contains("\"error\":\"invalid_request\"");
    RawHttp.Answer right =
        RawHttp.request(
            processor, "GET", usage, null, "Authorization: Bearer " + TestSystem.INTERNAL_TOKEN);
    assertThat(right.status()).as(right.body()).isEqualTo(200);

    // The endpoint that once answered with a member's BCrypt hash is gone, even with the token.
    RawHttp.Answer credentials =
        RawHttp.request(
            processor,
            "GET",
            "/internal/orgs/" + live.orgId() + "/member_credentials?email=a%40example.com",
            null,
            "Authorization: Bearer " + TestSystem.INTERNAL_TOKEN);
    assertThat(credentials.status()).isIn(404, 405);
    assertThat(credentials.body()).doesNotContain("$2a$");
  }

  /** The ways one path can be written that a lax server might route to the same handler. */
  static List<String> spellings(String path) {
    String first = path.substring(1, path.indexOf('/', 1));
    String rest = path.substring(path.indexOf('/', 1));
    List<String> forms = new ArrayList<>();
    forms.add(path);
    forms.add("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest);
    forms.add(
        "/%" + Integer.toHexString(first.charAt(0)).toUpperCase() + first.substring(1) + rest);
    forms.add("/" + first + ";x" + rest);
    forms.add("/" + first + rest.replaceFirst("/([^/]+)/", "/$1;jsessionid=1/"));
    forms.add("//" + first + rest);
    forms.add("/" + first + "/" + rest);
    forms.add("/x/../" + first + rest);
    forms.add("/./" + first + rest);
    forms.add("/%2e/" + first + rest);
    forms.add("/x/%2e%2e/" + first + rest);
    forms.add("/x/%2E%2E/" + first + rest);
    forms.add("/" + first + "%2f" + rest.substring(1));
    forms.add("/" + first + "%2F" + rest.substring(1));
    forms.add("/" + first + "%5c" + rest.substring(1));
    forms.add("/%25" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest);
    forms.add("/" + first.toUpperCase() + rest);
    forms.add("/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest);
    forms.add(path + "/");
    forms.add(path + "%00");
    forms.add("/" + first + "%00" + rest);
    forms.add("/" + first + "\\" + rest.substring(1));
    return forms;
  }
}
