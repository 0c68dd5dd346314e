package app.rundun.ingest.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall (no {@code ;} parameters, encoded slashes, {@code %25}, {@code
 * %2e}, dot segments, double slashes, NUL or control characters), and one rule more: a character
 * that never needs encoding (a letter, a digit, {@code - . _ ~}) must not be encoded. Every path
 * that reaches the application then has one spelling, so no part of it can see another path than
 * the path rules saw.
 */
final class CanonicalFirewall extends StrictHttpFirewall {

  private static final Pattern ENCODED = Pattern.compile("%([0-9A-Fa-f]{2})");

  @Override
  public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
    Matcher encoded = ENCODED.matcher(request.getRequestURI());
    while (encoded.find()) {
      char c = (char) Integer.parseInt(encoded.group(1), 16);
      if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
        throw new RequestRejectedException(
            "the path encodes \"" + c + "\", which is never encoded");
      }
    }
    return super.getFirewalledRequest(request);
  }

  static String reason(RequestRejectedException e) {
    // Some of Spring's reasons end with a full stop and some do not; the caller adds its own.
    return e.getMessage()
        .replaceFirst("^The request was rejected because ", "")
        .replaceFirst("\\.$", "");
  }
}
