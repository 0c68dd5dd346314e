package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits as an integrator meets them, on an API instance with small limits: a budget per key
 * for writes and one for reads, sized by plan, a separate one in test mode, and per run and per
 * client address on the link and executor endpoints; {@code 429 rate_limited} with {@code
 * Retry-After} when one is spent, and the IETF headers on every limited answer. The instance's
 * clock stands still until a test moves it: the budgets are per second, and this machine may take
 * longer than that for a few requests.
 */
class RateLimitTest {

  private static final StoppedClock CLOCK = new StoppedClock(Instant.now());
  private static String limited;

  @BeforeAll
  static void anApiWithSmallLimits() {
    RundunSystem system = TestSystem.get();
    limited =
        system.startAnotherApi(
            system.processorUrls(),
            Map.of(
                "rundun.rate-limits.enabled", "true",
                "rundun.rate-limits.plans.team.writes", "3",
                "rundun.rate-limits.plans.team.reads", "6",
                "rundun.rate-limits.test-mode.writes", "2",
                "rundun.rate-limits.per-run.reads", "4",
                "rundun.rate-limits.per-client.reads", "1000"),
            CLOCK);
  }

  @Test
  void aKeysWritesAreLimitedByItsPlanAndAnsweredWith429AndRetryAfter() throws Exception {
    Api[] modes = TestSystem.newOrganisationWithModes("team");
    Api live = modes[0].on(limited);

    // Step 1: the team plan's 3 writes a second, each answer saying what is left.
    for (int left = 2; left >= 0; left--) {
      Api.Response answer = live.post("/v1/templates", Map.of());
      assertThat(answer.status()).as("an invalid write still counts").isEqualTo(400);
      assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"key-writes\";q=3;w=1");
      assertThat(answer.header("RateLimit")).isEqualTo("\"key-writes\";r=" + left + ";t=1");
    }

    // Step 2: the fourth within the second is refused, and says when to come back.
    Api.Response refused = live.post("/v1/templates", Map.of());
    refused.expectError(429, "rate_limited", null);
    assertThat(refused.retryAfter()).isEqualTo("1");
    assertThat(refused.header("RateLimit")).isEqualTo("\"key-writes\";r=0;t=1");

    // Step 3: reads have a budget of their own, and the test key one of its own.
    Api.Response read = live.get("/v1/templates");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("RateLimit-Policy")).isEqualTo("\"key-reads\";q=6;w=1");
    Api test = modes[1].on(limited);
    assertThat(test.post("/v1/templates", Map.of()).header("RateLimit-Policy"))
        .isEqualTo("\"key-writes\";q=2;w=1");

    // Step 4: after Retry-After the key writes again.
    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(live.post("/v1/templates", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void theLinkAndTheExecutorsEndpointsAreLimitedPerRunAndPerClient() {
    Api live = TestSystem.newOrganisation("team");
    String run = Fixtures.dispatch(live, Fixtures.oneStepTemplate(live, "Limited"));
    Api phone = live.on(limited).anonymous();

    for (int left = 3; left >= 0; left--) {
      Api.Response preview = phone.get("/v1/runs/" + run + "/preview");
      assertThat(preview.status()).isEqualTo(200);
      assertThat(preview.header("RateLimit-Policy"))
          .isEqualTo("\"run-reads\";q=4;w=1, \"client-reads\";q=1000;w=1");
      assertThat(preview.header("RateLimit")).startsWith("\"run-reads\";r=" + left + ";t=1, ");
    }
    phone.get("/v1/executor/runs/" + run).expectError(429, "rate_limited", null);

    // Another run is not held up by this one.
    String other = Fixtures.dispatch(live, Fixtures.oneStepTemplate(live, "Other"));
    assertThat(phone.get("/v1/runs/" + other + "/preview").status()).isEqualTo(200);
  }

  @Test
  void theOperatorApiIsNotLimitedHere() {
    Api.Response answer =
        new Api(limited, TestSystem.OPERATOR_TOKEN).get("/admin/v1/organisations");
    assertThat(answer.header("RateLimit")).isNull();
  }
}
