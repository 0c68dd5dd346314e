package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void twoWindowsWithin5PercentEndTheWarmUp() {
    WarmUp warmUp = new WarmUp();

    assertThat(warmUp.another(100)).isTrue();
    assertThat(warmUp.another(104)).isFalse();
    assertThat(warmUp.windows()).isEqualTo(2);
  }

  @Test
  void aPathStillSpeedingUpIsWarmedUntilItSettles() {
    WarmUp warmUp = new WarmUp();

    assertThat(warmUp.another(30)).isTrue();
    assertThat(warmUp.another(50)).isTrue();
    assertThat(warmUp.another(70)).isTrue();
    assertThat(warmUp.another(72)).isFalse();
    assertThat(warmUp.windows()).isEqualTo(4);
  }

  @Test
  void aRateThatNeverSettlesStopsAfterSixWindows() {
    WarmUp warmUp = new WarmUp();
    int windows = 0;
    boolean warming = true;
    while (warming) {
      windows++;
      warming = warmUp.another(windows % 2 == 0 ? 100 : 200);
    }

    assertThat(windows).isEqualTo(6);
    assertThat(warmUp.windows()).isEqualTo(6);
  }
}
