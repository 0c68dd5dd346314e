package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Forwarded-For} names the client only when it comes from a configured proxy: otherwise
 * anyone could pick their own address and the sign-in limiter would count nobody. Seen through the
 * limiter (5 failures per address), on two API instances of their own so no other test's sign-ins
 * count.
 */
class ForwardedHeadersTest {

  @Test
  void theClientAddressComesFromForwardedHeadersOnlyBehindATrustedProxy() {
    RundunSystem system = TestSystem.get();
    Api live = TestSystem.newOrganisation("team");
    String run = memberRun(live);
    String untrusting = system.startAnotherApi(system.processorUrls());
    String trusting =
        system.startAnotherApi(
            system.processorUrls(), Map.of("rundun.trusted-proxies", "127\\.0\\.0\\.1"));

    // Step 1: no proxy configured: five failures "from" five addresses all count against the
    // one address the requests really come from, and the sixth is refused.
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(untrusting, run, "nobody" + i, "198.51.100." + i)).isEqualTo(401);
    }
    assertThat(signIn(untrusting, run, "nobody9", "198.51.100.9")).isEqualTo(429);

    // Step 2: behind a trusted proxy (loopback here), each forwarded address counts for itself.
    for (int i = 0; i < 6; i++) {
      assertThat(signIn(trusting, run, "someone" + i, "198.51.100." + i)).isEqualTo(401);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(trusting, run, "guesser" + i, "203.0.113.7")).isEqualTo(401);
    }
    assertThat(signIn(trusting, run, "guesser9", "203.0.113.7")).isEqualTo(429);
    assertThat(signIn(trusting, run, "guesser10", "203.0.113.8")).isEqualTo(401);
  }

  private static int signIn(String base, String run, String user, String forwardedFor) {
    RawHttp.Answer answer =
        RawHttp.request(
            base,
            "POST",
            "/v1/executor/runs/" + run + "/sign_in",
            "{\"email\":\"" + user + "@example.com\",\"password\":\"not-the-password\"}",
            "X-Forwarded-For: " + forwardedFor);
    answer.expectErrorShape();
    return answer.status();
  }

  private static String memberRun(Api live) {
    String template =
        Fixtures.template(
            live,
            Map.of(
                "name",
                "Members only",
                "steps",
                Fixtures.VEHICLE_CHECK_STEPS,
                "execution",
                Map.of("identity_required", "member")));
    return Fixtures.dispatch(live, template);
  }
}
