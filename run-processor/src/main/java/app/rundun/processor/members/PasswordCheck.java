package app.rundun.processor.members;

import app.rundun.contracts.members.MemberSignIn;
import app.rundun.contracts.organisations.OrgId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Checks a member's password against the BCrypt hash held here, so that the hash never leaves the
 * run-processor. An unknown email is compared against a hash of nothing, so that both cases take as
 * long and the answer does not tell which emails are members.
 */
public final class PasswordCheck {

  private final BCryptPasswordEncoder hashes = new BCryptPasswordEncoder(11);
  private final String nobody = hashes.encode(UUID.randomUUID().toString());

  public MemberSignIn.Verdict check(MemberDirectory directory, OrgId org, MemberSignIn signIn) {
    if (signIn.email() == null || signIn.password() == null) {
      return MemberSignIn.Verdict.refused();
    }
    Optional<Member> member = directory.byEmail(org, signIn.email());
    if (member.isEmpty()) {
      matches(signIn.password(), nobody);
      return MemberSignIn.Verdict.refused();
    }
    return member.get().acceptsPassword(signIn.password(), this)
        ? new MemberSignIn.Verdict(true, member.get().userId())
        : MemberSignIn.Verdict.refused();
  }

  boolean matches(String password, String hash) {
    return hashes.matches(password, hash == null ? nobody : hash);
  }
}
