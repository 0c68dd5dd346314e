package app.rundun.ingest.commands;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header, checked, with a digest of the request it came with. */
public final class IdempotencyKey {

  public static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private IdempotencyKey() {}

  /** Refuses a header that is not 1 to 255 visible ASCII characters. */
  public static void check(String header) {
    if (!VALID.matcher(header).matches()) {
      throw ApiException.invalid(HEADER, HEADER + " is 1 to 255 visible ASCII characters.");
    }
  }

  /** Null without a header; the parsed request is digested, so spacing and order do not count. */
  public static OrgCommand.Idempotency of(String header, Mode mode, Object request) {
    if (header == null) {
      return null;
    }
    check(header);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(Json.mapper().writeValueAsBytes(request));
      return new OrgCommand.Idempotency(header, mode, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
