package app.rundun.ingest.members;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.members.MemberResource;
import app.rundun.contracts.members.MemberStatus;
import app.rundun.ingest.IngestProperties;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.auth.MemberTokens;
import app.rundun.ingest.commands.CommandBus;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/members}: the integrator's members, who execute member runs. */
@RestController
@RequestMapping(path = "/v1/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MembersController {

  private final CommandBus commands;
  private final ProcessorQueries queries;
  private final MemberTokens tokens;
  private final String inviteBase;

  MembersController(
      CommandBus commands,
      ProcessorQueries queries,
      MemberTokens tokens,
      IngestProperties properties) {
    this.commands = commands;
    this.queries = queries;
    this.tokens = tokens;
    this.inviteBase = properties.publicBaseUrl().replaceAll("/+$", "") + "/invite/";
  }

  /** Creates an invited member; send them {@code invite_url} to set their password. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  InvitedMember create(Caller caller, @RequestBody NewMember request) {
    String userId = PrefixedIds.mint("u");
    MemberResource member =
        commands.send(
            new OrgCommand.CreateMember(caller.orgId(), userId, request.name(), request.email()),
            MemberResource.class);
    return new InvitedMember(
        member.userId(),
        member.name(),
        member.email(),
        member.status(),
        member.createdAt(),
        inviteBase + tokens.invite(caller.orgId(), userId));
  }

  /** The organisation's members, newest first, a page at a time. */
  @GetMapping
  ListPage<MemberResource> list(
      Caller caller,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    Paging paging = Paging.readOnly(query);
    return paging.page(queries.members(caller.orgId()).shownOn(response), MemberResource::userId);
  }

  @PostMapping("/{userId}/deactivate")
  MemberResource deactivate(Caller caller, @PathVariable String userId) {
    if (!PrefixedIds.isValid("u", userId)) {
      throw ApiException.notFound("member", userId);
    }
    return commands.send(
        new OrgCommand.DeactivateMember(caller.orgId(), userId), MemberResource.class);
  }

  /** The body of {@code POST /v1/members}. */
  record NewMember(String name, String email) {}

  /** A new member, with the link that lets them set a password (valid for 7 days). */
  record InvitedMember(
      String userId,
      String name,
      String email,
      MemberStatus status,
      Instant createdAt,
      String inviteUrl) {}
}
