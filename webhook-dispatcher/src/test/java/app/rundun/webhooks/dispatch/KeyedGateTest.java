package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedGateTest {

  @Test
  void runsAtMostTheLimitPerKeyAndTheRestInOrderWithoutHoldingOtherKeys() {
    KeyedGate gate = new KeyedGate(2);
    List<String> started = new ArrayList<>();
    gate.enter("dead.example", () -> started.add("d1"));
    gate.enter("dead.example", () -> started.add("d2"));
    gate.enter("dead.example", () -> started.add("d3"));
    gate.enter("dead.example", () -> started.add("d4"));
    gate.enter("alive.example", () -> started.add("a1"));
    assertThat(started).containsExactly("d1", "d2", "a1");
    assertThat(gate.waiting()).isEqualTo(2);

    gate.leave("dead.example");
    assertThat(started).containsExactly("d1", "d2", "a1", "d3");
    gate.leave("dead.example");
    gate.leave("dead.example");
    gate.leave("dead.example");
    assertThat(started).containsExactly("d1", "d2", "a1", "d3", "d4");
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void aKeyIsCrowdedOnceAsManyWaitAsItMayQueueAndOtherKeysAreNot() {
    KeyedGate gate = new KeyedGate(1);
    gate.enter("dead.example", () -> {});
    gate.enter("dead.example", () -> {});
    assertThat(gate.crowded("dead.example", 2)).as("one running, one waiting").isFalse();

    gate.enter("dead.example", () -> {});
    assertThat(gate.crowded("dead.example", 2)).isTrue();
    assertThat(gate.crowded("alive.example", 2)).isFalse();

    gate.leave("dead.example");
    assertThat(gate.crowded("dead.example", 2)).isFalse();
  }
}
