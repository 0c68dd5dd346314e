package app.rundun.ingest.queries;

import app.rundun.contracts.errors.ApiError;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.members.MemberResource;
import app.rundun.contracts.members.MemberSignIn;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.UsageResource;
import app.rundun.contracts.queries.StaleReads;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.ingest.IngestProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Reads run state from the run-processor. Any instance can be asked: it forwards to the owner of
 * the key. Instances are tried in turn, so one being down costs a retry, not a failed read.
 */
@Component
public class ProcessorQueries {

  private final List<String> baseUrls;
  private final AtomicInteger next = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final String credential;

  ProcessorQueries(IngestProperties properties) {
    this.baseUrls = properties.processorUrls().stream().map(u -> u.replaceAll("/+$", "")).toList();
    this.credential = "Bearer " + properties.internalToken();
  }

  /**
   * The run, when it is the organisation's and of the mode. Any other id, another organisation's
   * run or one of the other mode does not exist for this caller: not found, alike.
   */
  public RunLookup ownedRun(OrgId org, Mode mode, String runId) {
    if (!PrefixedIds.isValid("r", runId)) {
      throw ApiException.notFound("run", runId);
    }
    RunLookup lookup = run(new RunId(runId));
    if (!lookup.orgId().equals(org) || lookup.mode() != mode) {
      throw ApiException.notFound("run", runId);
    }
    return lookup;
  }

  public RunLookup run(RunId id) {
    return get("/internal/runs/" + id.value(), new TypeReference<RunLookup>() {});
  }

  /** A page of the organisation's run list, from the instance owning the organisation. */
  public ListPage<RunResource> runs(OrgId org, Mode mode, RunListQuery query) {
    String json = Json.mapper().writeValueAsString(query);
    return get(
        "/internal/orgs/"
            + org.value()
            + "/runs?mode="
            + mode.name()
            + "&query="
            + URLEncoder.encode(json, StandardCharsets.UTF_8),
        new TypeReference<ListPage<RunResource>>() {});
  }

  /**
   * The run object of {@code GET /v1/runs/:id}, as JSON ready to send, when the run is the
   * organisation's and of the mode; not found otherwise. Passed through as it is: nothing parses
   * and writes it again on the way.
   */
  public byte[] runJson(OrgId org, Mode mode, RunId id) {
    return sendRaw(
        "/internal/orgs/" + org.value() + "/runs/" + id.value() + "?mode=" + mode.name(), null);
  }

  public List<WebhookAttempt> webhookAttempts(RunId id) {
    return get(
        "/internal/runs/" + id.value() + "/webhook_attempts",
        new TypeReference<List<WebhookAttempt>>() {});
  }

  public TemplateResource template(OrgId org, TemplateId id, Integer version) {
    String path = "/internal/orgs/" + org.value() + "/templates/" + id.value();
    return get(
        version == null ? path : path + "?version=" + version,
        new TypeReference<TemplateResource>() {});
  }

  public List<TemplateResource> templates(OrgId org) {
    return get(
        "/internal/orgs/" + org.value() + "/templates",
        new TypeReference<List<TemplateResource>>() {});
  }

  public List<MemberResource> members(OrgId org) {
    return get(
        "/internal/orgs/" + org.value() + "/members", new TypeReference<List<MemberResource>>() {});
  }

  /** Whether the run-processor, which holds the hashes, accepts the member's password. */
  public MemberSignIn.Verdict signIn(OrgId org, MemberSignIn signIn) {
    return send(
        "/internal/orgs/" + org.value() + "/member_sign_in",
        HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(signIn)),
        new TypeReference<MemberSignIn.Verdict>() {});
  }

  public UsageResource usage(OrgId org, Mode mode) {
    return get(
        "/internal/orgs/" + org.value() + "/usage?mode=" + mode.name(),
        new TypeReference<UsageResource>() {});
  }

  private <T> T get(String path, TypeReference<T> type) {
    return send(path, null, type);
  }

  /** A GET, or a POST of {@code body}, to the first instance that answers, parsed. */
  private <T> T send(String path, HttpRequest.BodyPublisher body, TypeReference<T> type) {
    byte[] answer = sendRaw(path, body);
    try {
      return Json.mapper().readValue(answer, type);
    } catch (JacksonException e) {
      throw unreadable();
    }
  }

  /**
   * The body of a 200 from the first instance that answers; any other answer is the error it
   * carries. A GET may be answered by a standby, which flags the request being served as stale.
   */
  private byte[] sendRaw(String path, HttpRequest.BodyPublisher body) {
    Optional<ServletRequestAttributes> plainRead = body == null ? plainRead() : Optional.empty();
    int start = Math.floorMod(next.getAndIncrement(), baseUrls.size());
    for (int i = 0; i < baseUrls.size(); i++) {
      String base = baseUrls.get((start + i) % baseUrls.size());
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(5))
              .header(HttpHeaders.AUTHORIZATION, credential);
      if (body == null) {
        request.GET();
      } else {
        request.header(HttpHeaders.CONTENT_TYPE, "application/json").POST(body);
      }
      plainRead.ifPresent(read -> request.header(StaleReads.ACCEPT, "true"));
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (response.statusCode() == 200) {
        if (response.headers().firstValue(StaleReads.FLAG).isPresent()) {
          plainRead.ifPresent(read -> read.getResponse().setHeader(StaleReads.FLAG, "true"));
        }
        return response.body();
      }
      try {
        throw Json.mapper().readValue(response.body(), ApiError.class).toException();
      } catch (JacksonException e) {
        throw unreadable();
      }
    }
    throw new ApiException(ErrorCode.UNAVAILABLE, "Run state is unreachable; retry shortly.", null);
  }

  private static ApiException unreadable() {
    return new ApiException(
        ErrorCode.UNAVAILABLE, "Run state could not be read; retry shortly.", null);
  }

  /**
   * The request being served, when it only reads (a GET): such a request may be answered from a
   * standby replica, flagged. A request that writes decides on current state only, never on a copy
   * that may lag.
   */
  private static Optional<ServletRequestAttributes> plainRead() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
        && "GET".equals(current.getRequest().getMethod())
        && current.getResponse() != null) {
      return Optional.of(current);
    }
    return Optional.empty();
  }
}
