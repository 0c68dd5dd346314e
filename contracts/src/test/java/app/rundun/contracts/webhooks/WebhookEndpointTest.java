package app.rundun.contracts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final WebhookEndpoint ENDPOINT =
      WebhookEndpoint.create(
          "we-1",
          OrgId.mint(),
          Mode.LIVE,
          new WebhookEndpoint.Changes("https://hooks.example.com", null, null, null, null),
          "s1",
          NOW);

  @Test
  void aRotatedSecretSignsUntilItExpiresThenOnlyTheNewOne() {
    WebhookEndpoint rotated = ENDPOINT.rotate("s2", NOW.plus(Duration.ofHours(24)), NOW);

    assertThat(rotated.signingSecrets(NOW)).containsExactly("s2", "s1");
    assertThat(rotated.signingSecrets(NOW.plus(Duration.ofHours(24)))).containsExactly("s2");
    assertThat(rotated.resource().previousSecretExpiresAt()).isEqualTo(NOW.plusSeconds(86400));
  }

  @Test
  void aRotationEndingTheOldSecretNowKeepsOnlyTheNewOne() {
    WebhookEndpoint rotated = ENDPOINT.rotate("s2", NOW, NOW);

    assertThat(rotated.secrets()).hasSize(1);
    assertThat(rotated.signingSecrets(NOW)).containsExactly("s2");
    assertThat(rotated.resource().previousSecretExpiresAt()).isNull();
  }

  @Test
  void earlierSecretsStillWithinTheirTimeKeepSigningUpToFiveInAll() {
    WebhookEndpoint endpoint = ENDPOINT;
    for (int i = 2; i <= 7; i++) {
      endpoint = endpoint.rotate("s" + i, NOW.plus(Duration.ofHours(i)), NOW);
    }
    assertThat(endpoint.signingSecrets(NOW)).containsExactly("s7", "s6", "s5", "s4", "s3");
    WebhookEndpoint later =
        endpoint.rotate("s8", NOW.plus(Duration.ofHours(9)), NOW.plusSeconds(5 * 3600));
    assertThat(later.signingSecrets(NOW.plusSeconds(5 * 3600)))
        .containsExactly("s8", "s7", "s6", "s5");
  }

  @Test
  void anEndpointWantsWhatItListsOrWhatIsDeliveredByDefaultOnlyWhileEnabledAndFromItsCreation() {
    assertThat(ENDPOINT.wants(RunEventType.RUN_COMPLETED, NOW)).isTrue();
    assertThat(ENDPOINT.wants(RunEventType.RUN_CREATED, NOW)).isFalse();
    assertThat(ENDPOINT.wants(RunEventType.RUN_COMPLETED, NOW.minusSeconds(1))).isFalse();

    WebhookEndpoint listing =
        ENDPOINT.change(
            new WebhookEndpoint.Changes(null, List.of(RunEventType.RUN_CREATED), false, null, null),
            NOW);
    assertThat(listing.wants(RunEventType.RUN_CREATED, NOW)).isTrue();
    assertThat(listing.wants(RunEventType.RUN_COMPLETED, NOW)).isFalse();
    assertThat(listing.resource().events()).containsExactly("run.created");

    WebhookEndpoint all =
        listing.change(new WebhookEndpoint.Changes(null, null, true, null, null), NOW);
    assertThat(all.events()).isNull();
    assertThat(all.resource().events()).containsExactly("*");

    WebhookEndpoint disabled =
        ENDPOINT.change(new WebhookEndpoint.Changes(null, null, null, null, false), NOW);
    assertThat(disabled.wants(RunEventType.RUN_COMPLETED, NOW)).isFalse();
    assertThat(disabled.url()).isEqualTo(ENDPOINT.url());
  }

  @Test
  void anEndpointFailingEveryAttemptForTheWholePeriodIsDisabledAndSaysWhy() {
    Duration fiveDays = Duration.ofDays(5);
    WebhookEndpoint failing = ENDPOINT.failed(NOW, fiveDays);
    assertThat(failing.health().failingSince()).isEqualTo(NOW);

    WebhookEndpoint still = failing.failed(NOW.plus(Duration.ofDays(4)), fiveDays);
    assertThat(still.enabled()).isTrue();
    assertThat(still.health().failingSince()).isEqualTo(NOW);

    WebhookEndpoint disabled = still.failed(NOW.plus(fiveDays), fiveDays);
    assertThat(disabled.enabled()).isFalse();
    assertThat(disabled.disabledSince(still)).isTrue();
    assertThat(disabled.resource().disabledReason()).contains(NOW.toString());
    assertThat(disabled.resource().failingSince()).isEqualTo(NOW);

    WebhookEndpoint enabledAgain =
        disabled.change(new WebhookEndpoint.Changes(null, null, null, null, true), NOW);
    assertThat(enabledAgain.health()).isEqualTo(WebhookEndpoint.Health.UNKNOWN);
    assertThat(enabledAgain.resource().disabledReason()).isNull();
  }

  @Test
  void aSuccessEndsTheFailingStreakAndAReportOlderThanTheLatestNewsChangesNothing() {
    Duration fiveDays = Duration.ofDays(5);
    WebhookEndpoint failing = ENDPOINT.failed(NOW, fiveDays);
    WebhookEndpoint recovered = failing.delivered(NOW.plus(Duration.ofDays(3)));
    assertThat(recovered.health().failingSince()).isNull();

    // Another dispatcher's failure from before that success arrives late: ignored.
    assertThat(recovered.failed(NOW.plus(Duration.ofDays(2)), fiveDays)).isEqualTo(recovered);
    // A success from before the streak began does not end it.
    WebhookEndpoint again = recovered.failed(NOW.plus(Duration.ofDays(4)), fiveDays);
    assertThat(again.delivered(NOW.plus(Duration.ofDays(3)).minusSeconds(1))).isEqualTo(again);
    // The streak counts from its own start, not the first one: not disabled at day 5.
    assertThat(again.failed(NOW.plus(fiveDays), fiveDays).enabled()).isTrue();
    assertThat(again.failed(NOW.plus(Duration.ofDays(9)), fiveDays).enabled()).isFalse();
  }
}
