package app.rundun.ingest.members;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.members.MemberResource;
import app.rundun.ingest.auth.MemberTokens;
import app.rundun.ingest.commands.CommandBus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The invite link: a page to set a password, and the call it makes. */
@RestController
class InviteController {

  static final int MIN_PASSWORD = 10;

  private final CommandBus commands;
  private final MemberTokens tokens;
  private final BCryptPasswordEncoder hashes;
  private final String page;

  InviteController(CommandBus commands, MemberTokens tokens, BCryptPasswordEncoder hashes) {
    this.commands = commands;
    this.tokens = tokens;
    this.hashes = hashes;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("link/invite.html")) {
      this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping(path = "/invite/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@PathVariable String token) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(page);
  }

  @PostMapping(
      path = "/v1/invites/accept",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  MemberResource accept(@RequestBody Acceptance acceptance) {
    MemberTokens.Claims claims =
        tokens
            .verify(acceptance.token(), "invite")
            .orElseThrow(() ->
                new ApiException(
                    ErrorCode.GONE,
                    "This invite is not valid or has expired; ask for a new one.",
                    "token"));
    String password = acceptance.password();
    if (password == null || password.length() < MIN_PASSWORD || password.length() > 72) {
      throw ApiException.invalid(
          "password", "Choose a password of " + MIN_PASSWORD + " to 72 characters.");
    }
    return commands.send(
        new OrgCommand.SetMemberPassword(claims.orgId(), claims.userId(), hashes.encode(password)),
        MemberResource.class);
  }

  /** The body of the invite page's call. */
  record Acceptance(String token, String password) {}
}
