package app.rundun.ingest.queries;

import app.rundun.contracts.errors.ApiError;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.members.MemberResource;
import app.rundun.contracts.members.MemberSignIn;
import app.rundun.contracts.organisations.ApiKeyResource;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.UsageResource;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.contracts.queries.StaleReads;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.contracts.webhooks.WebhookEndpointResource;
import app.rundun.ingest.IngestProperties;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Reads run state from the run-processor. Any instance can be asked: it forwards to the owner of
 * the key. Instances are tried in turn, so one being down costs a retry, not a failed read.
 */
@Component
public class ProcessorQueries implements AutoCloseable {

  private static final int MAX_CONNECTIONS = 256;

  private final List<Instance> instances;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * A pool of kept-alive HTTP/1.1 connections: the hop to the run-processor is on every read, and
   * the JDK's client cost a read about a tenth of its time in its own threads and hand-offs. The
   * minimal client: no redirects, cookies, authentication or compression to negotiate (the full
   * client's chain cost a read as much as the exchange itself); a GET that finds its kept-alive
   * connection closed is sent again by {@link #exchange}.
   */
  private final CloseableHttpClient http =
      HttpClients.createMinimal(
          PoolingHttpClientConnectionManagerBuilder.create()
              .setMaxConnTotal(MAX_CONNECTIONS)
              .setMaxConnPerRoute(MAX_CONNECTIONS)
              .setDefaultConnectionConfig(
                  ConnectionConfig.custom()
                      .setConnectTimeout(Timeout.ofSeconds(2))
                      .setSocketTimeout(Timeout.ofSeconds(5))
                      .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                      .build())
              // A lock per route, not one for the whole pool: every read leases a connection.
              .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
              .build());

  private static final RequestConfig REQUESTS =
      RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(2)).build();

  private final String credential;
  private final Tracer tracer;
  private final Propagator propagator;

  ProcessorQueries(IngestProperties properties, Tracer tracer, Propagator propagator) {
    this.instances = properties.processorUrls().stream().map(Instance::of).toList();
    this.credential = "Bearer " + properties.internalToken();
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /**
   * The run, when it is the organisation's and of the mode. Any other id, another organisation's
   * run or one of the other mode does not exist for this caller: not found, alike.
   */
  public Read<RunLookup> ownedRun(OrgId org, Mode mode, RunId runId, Freshness freshness) {
    Read<RunLookup> lookup = run(runId, freshness);
    if (!lookup.value().ownedBy(org, mode)) {
      throw ApiException.notFound("run", runId.value());
    }
    return lookup;
  }

  public Read<RunLookup> run(RunId id, Freshness freshness) {
    return get(InternalPaths.run(id), freshness, new TypeReference<RunLookup>() {});
  }

  /** A page of the organisation's run list, from the instance owning the organisation. */
  public Read<ListPage<RunResource>> runs(OrgId org, Mode mode, RunListQuery query) {
    return get(
        InternalPaths.orgRuns(org, mode, Json.mapper().writeValueAsString(query)),
        Freshness.MAY_LAG,
        new TypeReference<ListPage<RunResource>>() {});
  }

  /**
   * The run object of {@code GET /v1/runs/:id}, as JSON ready to send, when the run is the
   * organisation's and of the mode; not found otherwise. Passed through as it is: nothing parses
   * and writes it again on the way.
   */
  public Read<byte[]> runJson(OrgId org, Mode mode, RunId id) {
    return sendRaw(InternalPaths.orgRun(org, mode, id), Freshness.MAY_LAG, null);
  }

  /** A page of the organisation's event log, from the instance owning the organisation. */
  public Read<ListPage<RunEvent>> events(OrgId org, Mode mode, EventListQuery query) {
    return get(
        InternalPaths.orgEvents(org, mode, Json.mapper().writeValueAsString(query)),
        Freshness.MAY_LAG,
        new TypeReference<ListPage<RunEvent>>() {});
  }

  /** One event of the organisation's log, of the mode; not found otherwise. */
  public Read<RunEvent> event(OrgId org, Mode mode, String eventId) {
    return get(
        InternalPaths.orgEvent(org, mode, eventId),
        Freshness.MAY_LAG,
        new TypeReference<RunEvent>() {});
  }

  public Read<List<WebhookAttempt>> webhookAttempts(RunId id, Freshness freshness) {
    return get(
        InternalPaths.webhookAttempts(id), freshness, new TypeReference<List<WebhookAttempt>>() {});
  }

  public Read<TemplateResource> template(OrgId org, TemplateId id, Integer version) {
    return get(
        InternalPaths.template(org, id, version),
        Freshness.MAY_LAG,
        new TypeReference<TemplateResource>() {});
  }

  /** Every period of the template's statistics of the mode, the organisation's only. */
  public Read<List<TemplateStats>> templateStats(OrgId org, Mode mode, TemplateId template) {
    return get(
        InternalPaths.templateStats(org, mode, template),
        Freshness.MAY_LAG,
        new TypeReference<List<TemplateStats>>() {});
  }

  public Read<List<TemplateResource>> templates(OrgId org) {
    return get(
        InternalPaths.templates(org),
        Freshness.MAY_LAG,
        new TypeReference<List<TemplateResource>>() {});
  }

  public Read<List<MemberResource>> members(OrgId org) {
    return get(
        InternalPaths.members(org),
        Freshness.MAY_LAG,
        new TypeReference<List<MemberResource>>() {});
  }

  /** Read from the owner, so an endpoint just made or changed is shown as it now is. */
  public Read<List<WebhookEndpointResource>> webhookEndpoints(OrgId org, Mode mode) {
    return get(
        InternalPaths.webhookEndpoints(org, mode),
        Freshness.CURRENT,
        new TypeReference<List<WebhookEndpointResource>>() {});
  }

  public Read<WebhookEndpointResource> webhookEndpoint(OrgId org, Mode mode, String endpointId) {
    return get(
        InternalPaths.webhookEndpoint(org, mode, endpointId),
        Freshness.CURRENT,
        new TypeReference<WebhookEndpointResource>() {});
  }

  /** The organisation's API keys, newest first; read from the owner, so a new key is listed. */
  public Read<List<ApiKeyResource>> apiKeys(OrgId org) {
    return get(
        InternalPaths.apiKeys(org),
        Freshness.CURRENT,
        new TypeReference<List<ApiKeyResource>>() {});
  }

  /** Whether the run-processor, which holds the hashes, accepts the member's password. */
  public MemberSignIn.Verdict signIn(OrgId org, MemberSignIn signIn) {
    Read<byte[]> answer =
        sendRaw(
            InternalPaths.memberSignIn(org),
            Freshness.CURRENT,
            Json.mapper().writeValueAsBytes(signIn));
    return parsed(answer, new TypeReference<MemberSignIn.Verdict>() {}).value();
  }

  public Read<UsageResource> usage(OrgId org, Mode mode) {
    return get(
        InternalPaths.usage(org, mode), Freshness.MAY_LAG, new TypeReference<UsageResource>() {});
  }

  private <T> Read<T> get(String path, Freshness freshness, TypeReference<T> type) {
    return parsed(sendRaw(path, freshness, null), type);
  }

  private static <T> Read<T> parsed(Read<byte[]> answer, TypeReference<T> type) {
    try {
      return answer.map(body -> Json.mapper().readValue(body, type));
    } catch (JacksonException e) {
      throw unreadable();
    }
  }

  /**
   * The body of a 200 from the first instance that answers, a GET or a POST of {@code body}; any
   * other answer is the error it carries.
   */
  private Read<byte[]> sendRaw(String path, Freshness freshness, byte[] body) {
    int start = Math.floorMod(next.getAndIncrement(), instances.size());
    for (int i = 0; i < instances.size(); i++) {
      Optional<Answer> answered =
          exchange(instances.get((start + i) % instances.size()), path, freshness, body);
      if (answered.isEmpty()) {
        continue;
      }
      Answer answer = answered.get();
      if (answer.status() == 200) {
        return new Read<>(answer.body(), answer.stale());
      }
      try {
        throw Json.mapper().readValue(answer.body(), ApiError.class).toException();
      } catch (JacksonException e) {
        throw unreadable();
      }
    }
    throw new ApiException(ErrorCode.UNAVAILABLE, "Run state is unreachable; retry shortly.", null);
  }

  /**
   * What one instance answered; empty when it could not be asked. A GET that met a kept-alive
   * connection the instance had closed (no answer, or a reset) is sent once more; a refused
   * connection or a timeout is not, and a POST never is.
   */
  private Optional<Answer> exchange(
      Instance instance, String path, Freshness freshness, byte[] body) {
    for (int attempt = 1; ; attempt++) {
      // The request names its host and path apart: no URI is built and parsed again per read.
      BasicClassicHttpRequest request =
          new BasicClassicHttpRequest(
              body == null ? Method.GET : Method.POST, instance.host(), instance.basePath() + path);
      if (body != null) {
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      }
      request.setHeader(HttpHeaders.AUTHORIZATION, credential);
      if (freshness == Freshness.MAY_LAG) {
        request.setHeader(StaleReads.ACCEPT, "true");
      }
      traced(request);
      HttpClientContext context = HttpClientContext.create();
      context.setRequestConfig(REQUESTS);
      try {
        return Optional.of(http.execute(instance.host(), request, context, Answer::of));
      } catch (ConnectException e) {
        return Optional.empty();
      } catch (NoHttpResponseException | SocketException e) {
        if (body != null || attempt == 2) {
          return Optional.empty();
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * The request's trace context as W3C headers, so that the run-processor's side of a read is a
   * span of the caller's trace, sampled as it is, rather than a trace of its own.
   */
  private void traced(BasicClassicHttpRequest request) {
    TraceContext context = tracer.currentTraceContext().context();
    if (context != null) {
      propagator.inject(context, request, BasicClassicHttpRequest::setHeader);
    }
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }

  /** A run-processor instance: its host, and the path its URL puts before the internal paths. */
  private record Instance(HttpHost host, String basePath) {
    static Instance of(String url) {
      URI parsed = URI.create(url.replaceAll("/+$", ""));
      String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
      return new Instance(
          new HttpHost(parsed.getScheme(), parsed.getHost(), parsed.getPort()), path);
    }
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
}
