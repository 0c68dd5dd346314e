package app.rundun.contracts.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InternalPathsTest {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void readsBackTheModeAPathWasWrittenWith(Mode mode) {
    String path = InternalPaths.orgRun(OrgId.mint(), mode, RunId.mint());
    String written = path.substring(path.indexOf("mode=") + "mode=".length());

    assertThat(InternalPaths.modeOf(written)).isEqualTo(mode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"live", "Live", "", "LIVE ", "BOTH"})
  void refusesAnyOtherModeAsTheCallersMistake(String name) {
    assertThatThrownBy(() -> InternalPaths.modeOf(name))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.param()).isEqualTo("mode"));
  }

  @Test
  void refusesAMissingMode() {
    assertThatThrownBy(() -> InternalPaths.modeOf(null)).isInstanceOf(ApiException.class);
  }
}
