package app.rundun.ingest.templates;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.commands.CommandBus;
import app.rundun.ingest.idempotency.IdempotencyKey;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/templates}. A template is validated whole before anything is published. */
@RestController
@RequestMapping(path = "/v1/templates", produces = MediaType.APPLICATION_JSON_VALUE)
class TemplatesController {

  private final CommandBus commands;
  private final ProcessorQueries queries;

  TemplatesController(CommandBus commands, ProcessorQueries queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  TemplateResource create(
      Caller caller, HttpServletRequest http, @RequestBody TemplateDraft draft) {
    return commands.send(
        new OrgCommand.CreateTemplate(
            caller.orgId(),
            TemplateId.mint(),
            draft.validate(),
            IdempotencyKey.of(http, caller.mode())),
        TemplateResource.class);
  }

  @PutMapping(path = "/{templateId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  TemplateResource update(Caller caller, TemplateId templateId, @RequestBody TemplateDraft draft) {
    return commands.send(
        new OrgCommand.UpdateTemplate(caller.orgId(), templateId, draft.validate()),
        TemplateResource.class);
  }

  @GetMapping("/{templateId}")
  TemplateResource latest(Caller caller, TemplateId templateId, HttpServletResponse response) {
    return queries.template(caller.orgId(), templateId, null).shownOn(response);
  }

  @GetMapping("/{templateId}/versions/{version}")
  TemplateResource version(
      Caller caller,
      TemplateId templateId,
      @PathVariable String version,
      HttpServletResponse response) {
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("template version", templateId + " v" + version);
    }
    if (number < 1) {
      throw ApiException.notFound("template version", templateId + " v" + version);
    }
    return queries.template(caller.orgId(), templateId, number).shownOn(response);
  }

  /** The latest version of each template, newest template first, a page at a time. */
  @GetMapping
  ListPage<TemplateResource> list(
      Caller caller,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    Paging paging = Paging.readOnly(query);
    return paging.page(
        queries.templates(caller.orgId()).shownOn(response), t -> t.templateId().value());
  }
}
