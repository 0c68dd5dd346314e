package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.lists.TimeRange;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.processor.eventlog.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BooleanNode;

/**
 * The organisation's event log behind {@code GET /v1/events}, under TopologyTestDriver: where each
 * event lies on {@code rundun.run-events}, found by organisation, run, type and time.
 */
class EventLogTopologyTest {

  private final TopologyHarness topology = new TopologyHarness();
  private final OrgId org = OrgId.mint();
  private TemplateId template;

  @BeforeEach
  void organisationWithATemplate() {
    template = topology.organisationWithCheck(org, null);
  }

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void everyEventOfTheOrganisationIsListedNewestFirstPointingAtItsPlaceOnTheTopic() {
    RunId run = dispatch(Mode.LIVE);
    topology.advance(Duration.ofSeconds(1));
    play(run);
    dispatch(Mode.TEST);
    List<RunEvent> onTheTopic = topology.events();

    ListPage<EventPointer> page =
        log().page(org, Mode.LIVE, query(100, null, null, Set.of(), null));

    assertThat(page.data())
        .extracting(EventPointer::type)
        .containsExactly(
            "run.completed", "step.skipped", "step.completed", "run.opened", "run.created");
    assertThat(page.data().reversed().stream().map(p -> onTheTopic.get((int) p.offset())))
        .as("each pointer leads to its event on rundun.run-events")
        .isEqualTo(onTheTopic.stream().filter(e -> e.rundunmode().equals("live")).toList());
    assertThat(page.data())
        .allSatisfy(pointer -> {
          RunEvent event = onTheTopic.get((int) pointer.offset());
          assertThat(pointer.eventId()).isEqualTo(event.id());
          assertThat(pointer.runId().value()).isEqualTo(event.subject());
          assertThat(pointer.time()).isEqualTo(event.time());
        });
    assertThat(log().page(org, Mode.TEST, query(100, null, null, Set.of(), null)).data())
        .extracting(EventPointer::type)
        .containsExactly("run.created");
    String third = page.data().get(2).eventId();
    assertThat(log().get(org, Mode.LIVE, third)).contains(page.data().get(2));
    assertThat(log().get(org, Mode.TEST, third)).as("another mode's").isEmpty();
    assertThat(log().get(OrgId.mint(), Mode.LIVE, third)).as("another organisation's").isEmpty();
  }

  @Test
  void aRunsHistoryIsItsOwnRangePagedOldestFirstWithEndingBefore() {
    RunId run = dispatch(Mode.LIVE);
    dispatch(Mode.LIVE);
    play(run);
    List<String> newestFirst =
        log().page(org, Mode.LIVE, query(100, null, null, Set.of(), run.value())).data().stream()
            .map(EventPointer::eventId)
            .toList();
    assertThat(newestFirst).hasSize(5);

    List<String> oldestFirst = new ArrayList<>();
    String cursor = newestFirst.getLast();
    oldestFirst.add(cursor);
    ListPage<EventPointer> page;
    do {
      page = log().page(org, Mode.LIVE, query(2, null, cursor, Set.of(), run.value()));
      page.data().reversed().forEach(event -> oldestFirst.add(event.eventId()));
      cursor = page.data().isEmpty() ? null : page.data().getFirst().eventId();
    } while (page.hasMore());

    assertThat(oldestFirst).isEqualTo(newestFirst.reversed());
  }

  @Test
  void whatIsNotARunEventIsLeftOutOfTheLog() {
    topology.runEventBytes("r-" + java.util.UUID.randomUUID(), "{\"not\": \"an event\"");
    RunId run = dispatch(Mode.LIVE);

    assertThat(log().page(org, Mode.LIVE, query(100, null, null, Set.of(), null)).data())
        .extracting(pointer -> pointer.runId())
        .containsExactly(run);
  }

  @Test
  void pagesWalkBothWaysAndFiltersByTypeRunAndTime() {
    List<RunId> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(dispatch(Mode.LIVE));
      play(runs.getLast());
      topology.advance(Duration.ofSeconds(10));
    }
    List<String> all =
        log().page(org, Mode.LIVE, query(100, null, null, Set.of(), null)).data().stream()
            .map(EventPointer::eventId)
            .toList();
    assertThat(all).hasSize(20).doesNotHaveDuplicates();

    List<String> walked = new ArrayList<>();
    String cursor = null;
    ListPage<EventPointer> page;
    do {
      page = log().page(org, Mode.LIVE, query(6, cursor, null, Set.of(), null));
      page.data().forEach(event -> walked.add(event.eventId()));
      cursor = page.data().isEmpty() ? null : page.data().getLast().eventId();
    } while (page.hasMore());
    assertThat(walked).isEqualTo(all);
    assertThat(log().page(org, Mode.LIVE, query(3, null, all.get(5), Set.of(), null)).data())
        .extracting(EventPointer::eventId)
        .containsExactlyElementsOf(all.subList(2, 5));

    assertThat(
            log().page(org, Mode.LIVE, query(100, null, null, Set.of("run.created"), null)).data())
        .extracting(event -> event.runId().value())
        .containsExactly(
            runs.get(3).value(), runs.get(2).value(), runs.get(1).value(), runs.get(0).value());
    assertThat(
            log()
                .page(org, Mode.LIVE, query(100, null, null, Set.of(), runs.get(1).value()))
                .data())
        .hasSize(5)
        .allMatch(event -> event.runId().equals(runs.get(1)));
    var sinceThird =
        new EventListQuery(
            new Paging(100, null, null),
            Set.of(),
            null,
            new TimeRange(topology.now().minusSeconds(20), null));
    assertThat(log().page(org, Mode.LIVE, sinceThird).data()).hasSize(10);
    assertThatThrownBy(
            () -> log().page(org, Mode.TEST, query(5, all.getFirst(), null, Set.of(), null)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.param()).isEqualTo("starting_after"));
  }

  @Test
  void anEventLeavesTheLogThirtyDaysAfterItHappened() {
    RunId run = dispatch(Mode.LIVE);
    RunId test = dispatch(Mode.TEST);
    String created =
        log()
            .page(org, Mode.LIVE, query(1, null, null, Set.of(), null))
            .data()
            .getFirst()
            .eventId();

    topology.advance(Topics.EVENTS_KEPT.minusMinutes(5));
    assertThat(log().get(org, Mode.LIVE, created)).as("29 days and 23 hours on").isPresent();
    RunId later = dispatch(Mode.LIVE);

    topology.advance(Duration.ofMinutes(10));
    assertThat(log().get(org, Mode.LIVE, created)).as("30 days on").isEmpty();
    List<EventPointer> left =
        log().page(org, Mode.LIVE, query(100, null, null, Set.of(), null)).data();
    assertThat(left)
        .as("only what happened in the last 30 days")
        .isNotEmpty()
        .allMatch(event -> event.time().isAfter(topology.now().minus(Topics.EVENTS_KEPT)));
    assertThat(left).extracting(EventPointer::runId).contains(later);
    assertThat(left)
        .filteredOn(event -> event.runId().equals(run))
        .extracting(EventPointer::type)
        .doesNotContain("run.created");
    assertThat(log().page(org, Mode.LIVE, query(100, null, null, Set.of(), run.value())).data())
        .as("the run's own history")
        .extracting(EventPointer::type)
        .doesNotContain("run.created");
    assertThat(log().page(org, Mode.TEST, query(100, null, null, Set.of(), null)).data())
        .as("the test mode's log, swept too")
        .filteredOn(event -> event.runId().equals(test))
        .extracting(EventPointer::type)
        .doesNotContain("run.created");
    assertThat(entries(EventLog.RUNS_STORE))
        .as("the runs' index and the ids keep nothing the log dropped")
        .isEqualTo(entries(EventLog.STORE))
        .isEqualTo(entries(EventLog.IDS_STORE));
  }

  private long entries(String store) {
    try (var all = topology.store(store).all()) {
      long count = 0;
      for (; all.hasNext(); all.next()) {
        count++;
      }
      return count;
    }
  }

  private EventLog log() {
    return new EventLog(
        topology.store(EventLog.STORE),
        topology.store(EventLog.RUNS_STORE),
        topology.store(EventLog.IDS_STORE));
  }

  private static EventListQuery query(
      int limit, String after, String before, Set<String> types, String runId) {
    return new EventListQuery(new Paging(limit, after, before), types, runId, TimeRange.ANY);
  }

  private RunId dispatch(Mode mode) {
    RunId run = RunId.mint();
    assertThat(
            topology
                .send(
                    new OrgCommand.CreateRun(
                        org, run, mode, template, null, null, null, null, null, "Alex", null))
                .isOk())
        .isTrue();
    return run;
  }

  /** Opened, the first step answered, the optional one skipped, submitted. */
  private void play(RunId run) {
    assertThat(topology.send(new RunCommand.OpenRun(run, null, null, null, "phone")).isOk())
        .isTrue();
    assertThat(
            topology
                .send(new RunCommand.AnswerStep(run, "s-ok", BooleanNode.TRUE, null, null, "phone"))
                .isOk())
        .isTrue();
    assertThat(topology.send(new RunCommand.SkipStep(run, "s-nt", "phone")).isOk()).isTrue();
    assertThat(topology.send(new RunCommand.SubmitRun(run, "phone")).isOk()).isTrue();
  }
}
