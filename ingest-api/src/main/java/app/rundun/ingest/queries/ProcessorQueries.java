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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
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
public class ProcessorQueries implements AutoCloseable {

  private static final int MAX_CONNECTIONS = 256;

  private final List<String> baseUrls;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * A pool of kept-alive HTTP/1.1 connections: the hop to the run-processor is on every read, and
   * the JDK's client cost a read about a tenth of its time in its own threads and hand-offs. A GET
   * that finds its kept-alive connection closed is retried once (the client's default for
   * idempotent requests); a POST is not.
   */
  private final CloseableHttpClient http =
      HttpClients.custom()
          .setConnectionManager(
              PoolingHttpClientConnectionManagerBuilder.create()
                  .setMaxConnTotal(MAX_CONNECTIONS)
                  .setMaxConnPerRoute(MAX_CONNECTIONS)
                  .setDefaultConnectionConfig(
                      ConnectionConfig.custom()
                          .setConnectTimeout(Timeout.ofSeconds(2))
                          .setSocketTimeout(Timeout.ofSeconds(5))
                          .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                          .build())
                  .build())
          .setDefaultRequestConfig(
              RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(2)).build())
          .evictIdleConnections(TimeValue.ofSeconds(30))
          .disableCookieManagement()
          .disableRedirectHandling()
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
        Json.mapper().writeValueAsBytes(signIn),
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
  private <T> T send(String path, byte[] body, TypeReference<T> type) {
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
  private byte[] sendRaw(String path, byte[] body) {
    Optional<ServletRequestAttributes> plainRead = body == null ? plainRead() : Optional.empty();
    int start = Math.floorMod(next.getAndIncrement(), baseUrls.size());
    for (int i = 0; i < baseUrls.size(); i++) {
      String base = baseUrls.get((start + i) % baseUrls.size());
      HttpUriRequestBase request;
      if (body == null) {
        request = new HttpGet(base + path);
      } else {
        request = new HttpPost(base + path);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      }
      request.setHeader(HttpHeaders.AUTHORIZATION, credential);
      plainRead.ifPresent(read -> request.setHeader(StaleReads.ACCEPT, "true"));
      Answer answer;
      try {
        answer = http.execute(request, Answer::of);
      } catch (IOException e) {
        continue;
      }
      if (answer.status() == 200) {
        if (answer.stale()) {
          plainRead.ifPresent(read -> read.getResponse().setHeader(StaleReads.FLAG, "true"));
        }
        return answer.body();
      }
      try {
        throw Json.mapper().readValue(answer.body(), ApiError.class).toException();
      } catch (JacksonException e) {
        throw unreadable();
      }
    }
    throw new ApiException(ErrorCode.UNAVAILABLE, "Run state is unreachable; retry shortly.", null);
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }

  /** What an instance answered: its status, whether from a copy that may lag, and the body. */
  private record Answer(int status, boolean stale, byte[] body) {
    static Answer of(ClassicHttpResponse response) throws IOException {
      HttpEntity entity = response.getEntity();
      return new Answer(
          response.getCode(),
          response.containsHeader(StaleReads.FLAG),
          entity == null ? new byte[0] : EntityUtils.toByteArray(entity));
    }
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
