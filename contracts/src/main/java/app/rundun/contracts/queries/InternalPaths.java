package app.rundun.contracts.queries;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every path of the run-processor's internal read API, in one place like the topics: the patterns
 * the query controller maps, and the paths the ingest-api asks for, made from typed ids so that the
 * two cannot drift apart.
 */
public final class InternalPaths {

  /** Everything under it needs the internal token. */
  public static final String ALL = "/internal/**";

  public static final String RUN = "/internal/runs/{runId}";
  public static final String RUN_WEBHOOK_ATTEMPTS = "/internal/runs/{runId}/webhook_attempts";
  public static final String ORG_RUNS = "/internal/orgs/{orgId}/runs";
  public static final String ORG_RUN = "/internal/orgs/{orgId}/runs/{runId}";
  public static final String TEMPLATES = "/internal/orgs/{orgId}/templates";
  public static final String TEMPLATE = "/internal/orgs/{orgId}/templates/{templateId}";
  public static final String TEMPLATE_STATS = "/internal/templates/{templateId}/stats";
  public static final String MEMBERS = "/internal/orgs/{orgId}/members";
  public static final String MEMBER_SIGN_IN = "/internal/orgs/{orgId}/member_sign_in";
  public static final String USAGE = "/internal/orgs/{orgId}/usage";
  public static final String API_KEYS = "/internal/orgs/{orgId}/api_keys";
  public static final String WEBHOOK_ENDPOINTS = "/internal/orgs/{orgId}/webhook_endpoints";
  public static final String WEBHOOK_ENDPOINT =
      "/internal/orgs/{orgId}/webhook_endpoints/{endpointId}";
  public static final String ORG_EVENTS = "/internal/orgs/{orgId}/events";
  public static final String ORG_EVENT = "/internal/orgs/{orgId}/events/{eventId}";

  private InternalPaths() {}

  /** Every view of a run: the integrator's, the link's and the executor's. */
  public static String run(RunId run) {
    return "/internal/runs/" + run.value();
  }

  public static String webhookAttempts(RunId run) {
    return run(run) + "/webhook_attempts";
  }

  /**
   * The mode a path's query string names with {@code mode=}, as written by this registry (the
   * mode's name as it is, never encoded); any other value is the caller's mistake. Read by hand:
   * Spring's conversion of the parameter cost a read of a run 5%, and Tomcat's parsing of every
   * parameter (each name and value decoded into a map) another 3% of the run-processor's side.
   */
  public static Mode modeOf(String rawQuery) {
    if (rawQuery != null) {
      for (String parameter : rawQuery.split("&")) {
        if (parameter.startsWith("mode=")) {
          return mode(parameter.substring("mode=".length()));
        }
      }
    }
    return mode(null);
  }

  private static Mode mode(String name) {
    for (Mode mode : Mode.values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw ApiException.invalid("mode", "Bad value for mode.");
  }

  /** A page of the run list; {@code queryJson} is the parsed list query, as JSON. */
  public static String orgRuns(OrgId org, Mode mode, String queryJson) {
    return org(org)
        + "/runs?mode="
        + mode.name()
        + "&query="
        + URLEncoder.encode(queryJson, StandardCharsets.UTF_8);
  }

  /** The integrator's view of a run, when it is the organisation's and of the mode. */
  public static String orgRun(OrgId org, Mode mode, RunId run) {
    return org(org) + "/runs/" + run.value() + "?mode=" + mode.name();
  }

  public static String templates(OrgId org) {
    return org(org) + "/templates";
  }

  /** The latest version, or the one given. */
  public static String template(OrgId org, TemplateId template, Integer version) {
    String latest = templates(org) + "/" + template.value();
    return version == null ? latest : latest + "?version=" + version;
  }

  public static String members(OrgId org) {
    return org(org) + "/members";
  }

  public static String memberSignIn(OrgId org) {
    return org(org) + "/member_sign_in";
  }

  public static String usage(OrgId org, Mode mode) {
    return org(org) + "/usage?mode=" + mode.name();
  }

  public static String apiKeys(OrgId org) {
    return org(org) + "/api_keys";
  }

  public static String webhookEndpoints(OrgId org, Mode mode) {
    return org(org) + "/webhook_endpoints?mode=" + mode.name();
  }

  public static String webhookEndpoint(OrgId org, Mode mode, String endpointId) {
    return org(org) + "/webhook_endpoints/" + endpointId + "?mode=" + mode.name();
  }

  /** A page of the event log; {@code queryJson} is the parsed list query, as JSON. */
  public static String orgEvents(OrgId org, Mode mode, String queryJson) {
    return org(org)
        + "/events?mode="
        + mode.name()
        + "&query="
        + URLEncoder.encode(queryJson, StandardCharsets.UTF_8);
  }

  /** One event, when it is the organisation's and of the mode. */
  public static String orgEvent(OrgId org, Mode mode, String eventId) {
    return org(org) + "/events/" + eventId + "?mode=" + mode.name();
  }

  /** A template's statistics of the mode, on the template's partition; the organisation's only. */
  public static String templateStats(OrgId org, Mode mode, TemplateId template) {
    return "/internal/templates/"
        + template.value()
        + "/stats?org="
        + org.value()
        + "&mode="
        + mode.name();
  }

  private static String org(OrgId org) {
    return "/internal/orgs/" + org.value();
  }
}
