package app.rundun.contracts.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InternalPathsTest {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void readsBackTheModeEveryPathWasWrittenWith(Mode mode) {
    OrgId org = OrgId.mint();
    List<String> paths =
        List.of(
            InternalPaths.orgRun(org, mode, RunId.mint()),
            InternalPaths.orgRuns(org, mode, "{\"mode=\":\"a&mode=TEST\"}"),
            InternalPaths.orgEvents(org, mode, "{}"),
            InternalPaths.usage(org, mode),
            InternalPaths.templateStats(org, mode, TemplateId.mint()));

    for (String path : paths) {
      assertThat(InternalPaths.modeOf(URI.create(path).getRawQuery())).as(path).isEqualTo(mode);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"mode=live", "mode=Live", "mode=", "mode=LIVE%20", "mode=BOTH", "a=1&mode=L%49VE"})
  void refusesAnyOtherModeAsTheCallersMistake(String query) {
    assertThatThrownBy(() -> InternalPaths.modeOf(query))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.param()).isEqualTo("mode"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "modes=LIVE", "xmode=LIVE", "query=%22mode%3DLIVE%22"})
  void refusesAMissingMode(String query) {
    assertThatThrownBy(() -> InternalPaths.modeOf(query)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> InternalPaths.modeOf(null)).isInstanceOf(ApiException.class);
  }
}
