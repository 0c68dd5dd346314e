package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.members.MemberSignIn;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import app.rundun.processor.members.Member;
import app.rundun.processor.members.MemberDirectory;
import app.rundun.processor.members.PasswordCheck;
import app.rundun.processor.organisations.OrgStage;
import app.rundun.processor.organisations.Organisation;
import app.rundun.processor.quota.Quota;
import app.rundun.processor.templates.TemplateVersions;
import app.rundun.processor.webhooks.WebhookEndpoints;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal reads of an organisation's state, on the instance owning the organisation:
 * templates, members and their sign-in, usage, API keys, webhook endpoints ({@link LocalAnswers}).
 */
@RestController
class OrgQueries {

  private final Owner owner;
  private final LocalAnswers answers;
  private final Clock clock;
  private final PasswordCheck passwords = new PasswordCheck();

  OrgQueries(Owner owner, LocalAnswers answers, Clock clock) {
    this.owner = owner;
    this.answers = answers;
    this.clock = clock;
  }

  @GetMapping(InternalPaths.TEMPLATES)
  Answer templates(OrgId org, HttpServletRequest request) {
    return answers.answer(
        TemplateVersions.STORE, org.value(), request, located -> versions(located).list(org));
  }

  @GetMapping(InternalPaths.TEMPLATE)
  Answer template(
      OrgId org,
      TemplateId id,
      @RequestParam(required = false) Integer version,
      HttpServletRequest request) {
    return answers.answer(
        TemplateVersions.STORE,
        org.value(),
        request,
        located -> {
          TemplateVersions versions = versions(located);
          Supplier<ApiException> missing =
              () ->
                  version == null
                      ? ApiException.notFound("template", id.value())
                      : ApiException.notFound("template version", id.value() + " v" + version);
          TemplateResource found =
              (version == null ? versions.latest(org, id) : versions.version(org, id, version))
                  .orElseThrow(missing);
          return found;
        });
  }

  @GetMapping(InternalPaths.MEMBERS)
  Answer members(OrgId org, HttpServletRequest request) {
    return answers.answer(
        MemberDirectory.STORE,
        org.value(),
        request,
        located -> directory(located).list(org).stream().map(Member::resource).toList());
  }

  /**
   * A member's sign-in, checked where the hashes are: the answer is only yes (with the id) or no.
   */
  @PostMapping(path = InternalPaths.MEMBER_SIGN_IN, consumes = MediaType.APPLICATION_JSON_VALUE)
  Answer signIn(OrgId org, @RequestBody byte[] body, HttpServletRequest request) {
    MemberSignIn signIn = Json.mapper().readValue(body, MemberSignIn.class);
    return answers.answer(
        MemberDirectory.STORE,
        org.value(),
        request,
        body,
        located -> passwords.check(directory(located), org, signIn));
  }

  @GetMapping(InternalPaths.USAGE)
  Answer usage(OrgId org, Mode mode, HttpServletRequest request) {
    return answers.answer(
        Quota.STORE,
        org.value(),
        request,
        located -> {
          Quota quota = owner.<Quota>localStore(Quota.STORE, located).get(org.value());
          if (quota == null) {
            throw ApiException.notFound("organisation", org.value());
          }
          return quota.usage(mode, clock.instant());
        });
  }

  @GetMapping(InternalPaths.API_KEYS)
  Answer apiKeys(OrgId org, HttpServletRequest request) {
    return answers.answer(
        OrgStage.STORE,
        org.value(),
        request,
        located ->
            Optional.ofNullable(
                    owner.<Organisation>localStore(OrgStage.STORE, located).get(org.value()))
                .orElseThrow(() -> ApiException.notFound("organisation", org.value()))
                .keyResources());
  }

  @GetMapping(InternalPaths.WEBHOOK_ENDPOINTS)
  Answer webhookEndpoints(OrgId org, Mode mode, HttpServletRequest request) {
    return answers.answer(
        WebhookEndpoints.STORE,
        org.value(),
        request,
        located ->
            endpoints(located).list(org, mode).stream().map(WebhookEndpoint::resource).toList());
  }

  @GetMapping(InternalPaths.WEBHOOK_ENDPOINT)
  Answer webhookEndpoint(
      OrgId org, @PathVariable String endpointId, Mode mode, HttpServletRequest request) {
    return answers.answer(
        WebhookEndpoints.STORE,
        org.value(),
        request,
        located -> endpoints(located).get(org, mode, endpointId).resource());
  }

  private WebhookEndpoints endpoints(Owner.Located located) {
    return new WebhookEndpoints(owner.<WebhookEndpoint>localStore(WebhookEndpoints.STORE, located));
  }

  private MemberDirectory directory(Owner.Located located) {
    return new MemberDirectory(owner.<Member>localStore(MemberDirectory.STORE, located));
  }

  private TemplateVersions versions(Owner.Located located) {
    return new TemplateVersions(
        owner.<TemplateResource>localStore(TemplateVersions.STORE, located));
  }
}
