package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.stats.Histogram;
import app.rundun.contracts.stats.StepStats;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.templates.ChoiceOption;
import app.rundun.contracts.templates.NumberStep;
import app.rundun.contracts.templates.PhotoRule;
import app.rundun.contracts.templates.SingleChoiceStep;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TextStep;
import app.rundun.processor.stats.TemplateStatsView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.StringNode;

/**
 * Live template statistics under TopologyTestDriver: each thing that happens to a run counts on the
 * UTC day it happened and in total, per version, and each period is published whole to {@code
 * rundun.template-stats}.
 */
class TemplateStatsTopologyTest {

  /** The harness starts at 10:00 UTC: this is a minute before that day ends. */
  private static final Duration TO_A_MINUTE_BEFORE_MIDNIGHT = Duration.ofHours(13).plusMinutes(59);

  private final TopologyHarness topology = new TopologyHarness();
  private final OrgId org = OrgId.mint();
  private TemplateId template;

  @BeforeEach
  void organisationWithAnInspectionTemplate() {
    assertThat(topology.send(new OrgCommand.CreateOrganisation(org, "Acme", Plan.TEAM)).isOk())
        .isTrue();
    template = TemplateId.mint();
    TemplateDraft draft =
        new TemplateDraft(
            "Return",
            List.of(
                new NumberStep(
                    "s-km",
                    "Odometer",
                    null,
                    null,
                    new PhotoRule(0, 2),
                    null,
                    null,
                    null,
                    null,
                    "km",
                    null),
                new SingleChoiceStep(
                    "s-fuel",
                    "Fuel",
                    null,
                    null,
                    null,
                    null,
                    List.of(new ChoiceOption("o-full", "Full"), new ChoiceOption("o-half", "Half")),
                    null),
                new TextStep("s-nt", "Notes", null, false, null, null, null, null, null)),
            null);
    var created = topology.send(new OrgCommand.CreateTemplate(org, template, draft, null));
    assertThat(created.isOk()).as("%s", created).isTrue();
  }

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void aRunDispatchedBeforeMidnightAndCompletedAfterCountsOnEachDayWhatHappenedThen() {
    topology.advance(TO_A_MINUTE_BEFORE_MIDNIGHT);
    Instant dispatched = topology.now();
    RunId run = dispatch(null);
    topology.advance(Duration.ofMinutes(2));
    complete(run, 12_000, "o-full", 1);

    TemplateStats firstDay = stats(TemplateStats.day(dispatched)).orElseThrow();
    TemplateStats nextDay = stats(TemplateStats.day(topology.now())).orElseThrow();
    TemplateStats total = stats(TemplateStats.TOTAL).orElseThrow();

    assertThat(firstDay.runs()).isEqualTo(new TemplateStats.RunCounts(1, 0, 0, 0, 0));
    assertThat(nextDay.runs()).isEqualTo(new TemplateStats.RunCounts(0, 1, 1, 0, 0));
    assertThat(total.runs()).isEqualTo(new TemplateStats.RunCounts(1, 1, 1, 0, 0));
    assertThat(total.completionRate()).isEqualTo(1.0);
    assertThat(total.completionSeconds().count()).isEqualTo(1);
    assertThat(total.completionSeconds().max()).isEqualTo(120.0);
    assertThat(total.completionSeconds().median()).as("at most its bucket, 200 s").isEqualTo(120);
    assertThat(firstDay.steps()).as("steps count when the run completes").isEmpty();
    assertThat(nextDay.steps()).containsOnlyKeys("s-km", "s-fuel", "s-nt");
  }

  @Test
  void anExpirySweptAfterMidnightCountsOnTheDayTheRunExpired() {
    topology.advance(TO_A_MINUTE_BEFORE_MIDNIGHT);
    Instant dispatched = topology.now();
    dispatch(30L);
    topology.advance(Duration.ofMinutes(2));

    TemplateStats thatDay = stats(TemplateStats.day(dispatched)).orElseThrow();
    assertThat(thatDay.runs()).isEqualTo(new TemplateStats.RunCounts(1, 0, 0, 0, 1));
    assertThat(thatDay.completionRate()).isEqualTo(0.0);
    assertThat(stats(TemplateStats.day(topology.now()))).as("swept the next day").isEmpty();
    assertThat(stats(TemplateStats.TOTAL).orElseThrow().runs().expired()).isEqualTo(1);
  }

  @Test
  void stepsShowSkipRatesChoicesNumbersAndPhotosPerAnswer() {
    RunId first = dispatch(null);
    complete(first, 10, "o-full", 2);
    RunId second = dispatch(null);
    complete(second, 30, "o-half", 0);
    RunId third = dispatch(null);
    topology.send(new RunCommand.OpenRun(third, null, null, null, "phone"));
    topology.send(new RunCommand.CancelRun(third, org, Mode.LIVE, "wrong car"));

    TemplateStats total = stats(TemplateStats.TOTAL).orElseThrow();
    assertThat(total.runs()).isEqualTo(new TemplateStats.RunCounts(3, 3, 2, 1, 0));
    assertThat(total.completionRate()).isCloseTo(2.0 / 3, within(1e-9));
    StepStats km = total.steps().get("s-km");
    assertThat(km.numbers().min()).isEqualTo(10.0);
    assertThat(km.numbers().max()).isEqualTo(30.0);
    assertThat(km.numbers().mean()).isEqualTo(20.0);
    assertThat(km.numbers().histogram().buckets())
        .containsExactly(new Histogram.Bucket(10.0, 1), new Histogram.Bucket(50.0, 1));
    assertThat(km.photosPerAnswer()).isEqualTo(1.0);
    assertThat(total.steps().get("s-fuel").choices())
        .containsExactly(Map.entry("o-full", 1L), Map.entry("o-half", 1L));
    StepStats notes = total.steps().get("s-nt");
    assertThat(notes.skipped()).isEqualTo(2);
    assertThat(notes.skipRate()).isEqualTo(1.0);
    assertThat(stats(TemplateStats.TOTAL, Mode.TEST)).as("test runs apart").isEmpty();
  }

  @Test
  void eachChangedPeriodIsPublishedWholeUnderItsKey() {
    RunId run = dispatch(null);
    complete(run, 5, "o-half", 0);

    Map<String, TemplateStats> latest = new HashMap<>();
    for (TestRecord<String, TemplateStats> record : topology.templateStats()) {
      assertThat(record.key()).isEqualTo(record.value().key());
      latest.put(record.key(), record.value());
    }

    assertThat(latest)
        .containsOnlyKeys(
            template.value() + "/live/v000001/" + TemplateStats.day(topology.now()),
            template.value() + "/live/v000001/total");
    assertThat(latest.values())
        .containsOnly(
            stats(TemplateStats.TOTAL).orElseThrow(),
            stats(TemplateStats.day(topology.now())).orElseThrow());
  }

  private Optional<TemplateStats> stats(String period) {
    return stats(period, Mode.LIVE);
  }

  private Optional<TemplateStats> stats(String period, Mode mode) {
    return new TemplateStatsView(topology.store(TemplateStatsView.STORE))
        .of(org, mode, template).stream()
            .filter(stats -> stats.period().equals(period))
            .findFirst();
  }

  private RunId dispatch(Long expiresInSeconds) {
    RunId run = RunId.mint();
    assertThat(
            topology
                .send(
                    new OrgCommand.CreateRun(
                        org,
                        run,
                        Mode.LIVE,
                        template,
                        null,
                        null,
                        null,
                        expiresInSeconds,
                        null,
                        "Alex",
                        null))
                .isOk())
        .isTrue();
    return run;
  }

  /** Opened, the odometer read with {@code photos} photos, the fuel chosen, notes skipped. */
  private void complete(RunId run, double km, String fuel, int photos) {
    assertThat(topology.send(new RunCommand.OpenRun(run, null, null, null, "phone")).isOk())
        .isTrue();
    List<PhotoRef> taken =
        java.util.stream.IntStream.range(0, photos)
            .mapToObj(i ->
                new PhotoRef(
                    "runs/" + run + "/s-km/photo_" + i + ".jpg", "0".repeat(64), "image/jpeg"))
            .toList();
    assertThat(
            topology
                .send(
                    new RunCommand.AnswerStep(
                        run, "s-km", DoubleNode.valueOf(km), taken, null, "phone"))
                .isOk())
        .isTrue();
    assertThat(
            topology
                .send(
                    new RunCommand.AnswerStep(
                        run, "s-fuel", StringNode.valueOf(fuel), null, null, "phone"))
                .isOk())
        .isTrue();
    assertThat(topology.send(new RunCommand.SkipStep(run, "s-nt", "phone")).isOk()).isTrue();
    assertThat(topology.send(new RunCommand.SubmitRun(run, "phone")).isOk()).isTrue();
  }
}
