package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.lists.TimeRange;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.runs.Metadata;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.templates.Execution;
import app.rundun.contracts.templates.IdentityRequired;
import app.rundun.contracts.templates.TemplateId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The organisation's run list and the integrator's changes to a run, under TopologyTestDriver. */
class RunListTopologyTest {

  private static final String PHONE = "device-aaaaaaaaaaaaaaaa";

  private final TopologyHarness topology = new TopologyHarness();
  private final OrgId org = OrgId.mint();
  private TemplateId template;

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void walksTheListNewestFirstBothWaysWithoutARunTwiceOrAGapWhileRunsAreCreated() {
    organisation(IdentityRequired.NONE);
    List<RunId> created = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      created.add(dispatch(Mode.LIVE, null, Map.of()));
      if (i % 5 == 0) {
        topology.advance(Duration.ofSeconds(1));
      }
    }
    dispatch(Mode.TEST, null, Map.of());

    List<RunId> walked = new ArrayList<>();
    RunId cursor = null;
    do {
      ListPage<ListedRun> page = page(query(5, cursor, null));
      page.data().forEach(run -> walked.add(run.runId()));
      cursor = page.hasMore() ? page.data().getLast().runId() : null;
      // Runs created mid-walk land ahead of it, never in the pages still to come.
      dispatch(Mode.LIVE, null, Map.of());
    } while (cursor != null);
    assertThat(walked).isEqualTo(created.reversed());

    List<RunId> backwards = new ArrayList<>();
    RunId before = created.getFirst();
    ListPage<ListedRun> page;
    do {
      page = page(query(4, null, before));
      backwards.addAll(0, page.data().stream().map(ListedRun::runId).toList());
      before = page.data().isEmpty() ? null : page.data().getFirst().runId();
    } while (page.hasMore());
    assertThat(backwards).hasSize(created.size() - 1 + 5).doesNotHaveDuplicates();
    assertThat(backwards.reversed().subList(0, created.size() - 1))
        .isEqualTo(created.subList(1, created.size()));

    assertThat(page(query(100, null, null), Mode.TEST).data()).hasSize(1);
    assertThat(
            topology.runList().page(OrgId.mint(), Mode.LIVE, query(100, null, null), now()).data())
        .as("another organisation's list")
        .isEmpty();
  }

  @Test
  void filtersHoldTogetherAndTheStatusIsTheStatusAsOfTheRead() {
    organisation(IdentityRequired.NONE);
    RunId expiring = dispatch(Mode.LIVE, 60L, Map.of("depot", "LHR"));
    RunId tagged = dispatch(Mode.LIVE, null, Map.of("depot", "LHR", "lane", "3"));
    RunId plain = dispatch(Mode.LIVE, null, Map.of());
    Instant beforeOpening = now().plusSeconds(30);
    topology.advanceCommandClock(Duration.ofSeconds(30));
    assertThat(topology.send(new RunCommand.OpenRun(plain, null, null, null, PHONE)).isOk())
        .isTrue();
    // Only the command clock moves: no sweep has recorded the expiry, yet the list sees it.
    topology.advanceCommandClock(Duration.ofSeconds(31));

    assertThat(ids(filtered(Set.of(RunStatus.EXPIRED), Map.of(), TimeRange.ANY)))
        .containsExactly(expiring);
    assertThat(ids(filtered(Set.of(RunStatus.PENDING), Map.of(), TimeRange.ANY)))
        .containsExactly(tagged);
    assertThat(ids(filtered(Set.of(), Map.of("depot", "LHR"), TimeRange.ANY)))
        .containsExactly(tagged, expiring);
    assertThat(ids(filtered(Set.of(), Map.of("depot", "LHR", "lane", "3"), TimeRange.ANY)))
        .containsExactly(tagged);
    assertThat(
            ids(
                filtered(
                    Set.of(RunStatus.IN_PROGRESS, RunStatus.PENDING),
                    Map.of(),
                    new TimeRange(beforeOpening, null))))
        .as("changed since, read from the index of update times")
        .containsExactly(plain);
  }

  @Test
  void anUpdateMovesTheExpiryChangesTheRunAndEmitsRunUpdatedOnlyWhenSomethingChanged() {
    organisation(IdentityRequired.NONE);
    RunId run = dispatch(Mode.LIVE, 60L, Map.of("depot", "LHR"));
    topology.events();

    Instant later = now().plus(Duration.ofHours(2));
    Reply updated =
        update(
            run,
            new RunCommand.RunChanges(new RunCommand.Expiry(later), "bk-2", Map.of("depot", "")));
    assertThat(updated.isOk()).isTrue();
    assertThat(updated.body().get("expires_at").asString()).isEqualTo(later.toString());
    assertThat(updated.body().get("metadata").isEmpty()).isTrue();
    assertThat(updated.body().get("executor_ref").asString()).isEqualTo("bk-2");
    assertThat(update(run, new RunCommand.RunChanges(null, "bk-2", Map.of())).isOk()).isTrue();
    assertThat(topology.events()).extracting(RunEvent::type).containsExactly("run.updated");

    topology.advance(Duration.ofMinutes(5));
    assertThat(topology.events()).as("the old expiry is forgotten").isEmpty();
    assertThat(page(query(10, null, null)).data().getFirst().executorRef()).isEqualTo("bk-2");

    Reply past = update(run, new RunCommand.RunChanges(new RunCommand.Expiry(now()), null, null));
    assertThat(past.error().param()).isEqualTo("expires_at");
    topology.advance(Duration.ofHours(2));
    assertThat(topology.events()).extracting(RunEvent::type).containsExactly("run.expired");
    Reply revive = update(run, new RunCommand.RunChanges(new RunCommand.Expiry(null), null, null));
    assertThat(revive.error().error()).as("an expired run stays expired").isEqualTo("gone");
    assertThat(update(run, new RunCommand.RunChanges(null, null, Map.of("a", "b"))).isOk())
        .as("its metadata can still change")
        .isTrue();
  }

  @Test
  void aRunSaysWhoCancelledItWhichStepsWereSkippedAndItsIdentityModeFromTheStart() {
    organisation(IdentityRequired.EXTERNAL);
    RunId byExecutor = dispatch(Mode.LIVE, null, Map.of());
    RunId byIntegrator = dispatch(Mode.LIVE, null, Map.of());
    ListedRun pending = page(query(1, null, null)).data().getFirst();
    assertThat(pending.executorIdentity().mode()).isEqualTo("external");
    assertThat(pending.executorIdentity().name()).isNull();

    assertThat(
            topology
                .send(
                    new RunCommand.OpenRun(
                        byExecutor, "Jane Smith", "jane@example.com", null, PHONE))
                .isOk())
        .isTrue();
    assertThat(topology.send(new RunCommand.SkipStep(byExecutor, "s-nt", PHONE)).isOk()).isTrue();
    assertThat(topology.send(new RunCommand.ExitRun(byExecutor, PHONE)).isOk()).isTrue();

    Reply cancelled =
        topology.send(new RunCommand.CancelRun(byIntegrator, org, Mode.LIVE, "Booking moved"));
    assertThat(cancelled.body().get("cancelled_by").asString()).isEqualTo("integrator");
    assertThat(cancelled.body().get("cancellation_reason").asString()).isEqualTo("Booking moved");
    List<ListedRun> listed = page(query(10, null, null)).data();
    assertThat(listed)
        .extracting(r -> r.cancelledBy().name())
        .containsExactly("INTEGRATOR", "EXECUTOR");
    assertThat(listed.getLast().executorIdentity().name()).isEqualTo("Jane Smith");
    assertThat(listed.getLast().skippedSteps()).containsExactly("s-nt");
  }

  private ListPage<ListedRun> filtered(
      Set<RunStatus> statuses, Map<String, String> metadata, TimeRange updated) {
    return page(
        new RunListQuery(
            new Paging(100, null, null),
            statuses,
            null,
            null,
            null,
            TimeRange.ANY,
            updated,
            metadata));
  }

  private static List<RunId> ids(ListPage<ListedRun> page) {
    return page.data().stream().map(ListedRun::runId).toList();
  }

  private static RunListQuery query(int limit, RunId after, RunId before) {
    return new RunListQuery(
        new Paging(
            limit, after == null ? null : after.value(), before == null ? null : before.value()),
        Set.of(),
        null,
        null,
        null,
        TimeRange.ANY,
        TimeRange.ANY,
        Map.of());
  }

  private ListPage<ListedRun> page(RunListQuery query) {
    return page(query, Mode.LIVE);
  }

  private ListPage<ListedRun> page(RunListQuery query, Mode mode) {
    return topology.runList().page(org, mode, query, now());
  }

  private Instant now() {
    return topology.now();
  }

  private Reply update(RunId run, RunCommand.RunChanges changes) {
    return topology.send(new RunCommand.UpdateRun(run, org, Mode.LIVE, changes));
  }

  private RunId dispatch(Mode mode, Long expiresInSeconds, Map<String, String> metadata) {
    RunId run = RunId.mint();
    Reply reply =
        topology.send(
            new OrgCommand.CreateRun(
                org,
                run,
                mode,
                template,
                null,
                new Metadata(metadata),
                null,
                expiresInSeconds,
                null,
                "Alex",
                null));
    assertThat(reply.isOk()).as("created: %s", reply).isTrue();
    return run;
  }

  private void organisation(IdentityRequired identity) {
    template = topology.organisationWithCheck(org, new Execution(identity));
  }
}
