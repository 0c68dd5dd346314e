package app.rundun.processor.members;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.members.MemberResource;
import app.rundun.contracts.members.MemberStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** A member: invited, then active once a password is set, until deactivated. */
public record Member(
    String userId,
    String name,
    String email,
    MemberStatus status,
    String passwordHash,
    Instant createdAt) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  static Member invite(String userId, String name, String email, Instant now) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ApiException.invalid("name", "A member needs a name of 1 to 200 characters.");
    }
    if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
      throw ApiException.invalid("email", "A member needs a valid email address.");
    }
    return new Member(userId, name.strip(), normalised(email), MemberStatus.INVITED, null, now);
  }

  Member activate(String hash) {
    if (status == MemberStatus.DEACTIVATED) {
      throw ApiException.conflict("Member " + userId + " is deactivated.");
    }
    if (status == MemberStatus.ACTIVE) {
      throw ApiException.conflict("Member " + userId + " has set a password already.");
    }
    return new Member(userId, name, email, MemberStatus.ACTIVE, hash, createdAt);
  }

  Member deactivate() {
    if (status == MemberStatus.DEACTIVATED) {
      throw ApiException.conflict("Member " + userId + " is deactivated already.");
    }
    return new Member(userId, name, email, MemberStatus.DEACTIVATED, passwordHash, createdAt);
  }

  public MemberResource resource() {
    return new MemberResource(userId, name, email, status, createdAt);
  }

  /** Whether this member may sign in with the password: active, and the password matches. */
  boolean acceptsPassword(String password, PasswordCheck check) {
    return check.matches(password, passwordHash) && status == MemberStatus.ACTIVE;
  }

  static String normalised(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
