package app.rundun.processor.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenderedRunTest {

  private static final Instant EXPIRY = Instant.parse("2026-12-03T10:00:00Z");
  private final OrgId org = OrgId.mint();
  private final byte[] json =
      "{\"run_id\":\"r-1\",\"note\":\"ünïcode\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void isStoredAndReadBackAsItWas() {
    RenderedRun open = new RenderedRun(org, Mode.TEST, EXPIRY, json);
    RenderedRun finished = new RenderedRun(org, Mode.LIVE, null, json);

    assertThat(roundTrip(open)).isEqualTo(open);
    assertThat(roundTrip(finished)).isEqualTo(finished);
    assertThat(roundTrip(open).json()).isEqualTo(json);
  }

  @Test
  void anUnfinishedRunsViewIsServedUntilItsLinkExpires() {
    RenderedRun open = new RenderedRun(org, Mode.LIVE, EXPIRY, json);

    assertThat(open.jsonAt(EXPIRY.minusMillis(1))).contains(json);
    assertThat(open.jsonAt(EXPIRY)).as("expired from its expiry on: rendered again").isEmpty();
  }

  @Test
  void aViewThatTimeCannotChangeIsAlwaysServed() {
    RenderedRun finished = new RenderedRun(org, Mode.LIVE, null, json);

    assertThat(finished.jsonAt(Instant.MAX)).contains(json);
  }

  @Test
  void isSeenOnlyByItsOrganisationInItsMode() {
    RenderedRun rendered = new RenderedRun(org, Mode.LIVE, null, json);

    assertThat(rendered.ownedBy(org, Mode.LIVE)).isTrue();
    assertThat(rendered.ownedBy(org, Mode.TEST)).isFalse();
    assertThat(rendered.ownedBy(OrgId.mint(), Mode.LIVE)).isFalse();
  }

  private static RenderedRun roundTrip(RenderedRun rendered) {
    byte[] stored = rendered.bytes();
    return RenderedRun.read(stored, 0, stored.length);
  }
}
