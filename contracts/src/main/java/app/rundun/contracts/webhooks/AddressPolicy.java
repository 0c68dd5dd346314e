package app.rundun.contracts.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may reach: public unicast only, unless the operator allows a block.
 * Checked when a webhook is given and again on the address each attempt actually connects to, so a
 * name that later resolves inside (DNS rebinding) is refused too.
 */
public final class AddressPolicy {

  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
  private static final Pattern CANONICAL_IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  /**
   * Blocks that are never public, IPv4 then IPv6. IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) needs
   * no entry: Java presents such an address as the IPv4 address it maps, checked as IPv4.
   */
  static final List<Cidr> NON_PUBLIC =
      List.of(
              "0.0.0.0/8",
              "10.0.0.0/8",
              "100.64.0.0/10",
              "127.0.0.0/8",
              "169.254.0.0/16",
              "172.16.0.0/12",
              "192.0.0.0/24",
              "192.0.2.0/24",
              "192.88.99.0/24",
              "192.168.0.0/16",
              "198.18.0.0/15",
              "198.51.100.0/24",
              "203.0.113.0/24",
              "224.0.0.0/4",
              "240.0.0.0/4",
              "255.255.255.255/32",
              "::/128",
              "::1/128",
              "::/96",
              "64:ff9b::/96",
              "64:ff9b:1::/48",
              "100::/64",
              "2001::/32",
              "2001:db8::/32",
              "2001:10::/28",
              "2002::/16",
              "fc00::/7",
              "fe80::/10",
              "fec0::/10",
              "ff00::/8")
          .stream()
          .map(Cidr::parse)
          .toList();

  private final List<Cidr> allowed;
  private final Resolver resolver;

  public AddressPolicy(List<Cidr> allowed, Resolver resolver) {
    this.allowed = List.copyOf(allowed);
    this.resolver = resolver;
  }

  /** The policy with the system's DNS and the operator's allowed blocks, comma-separated. */
  public static AddressPolicy of(String allowedCidrs) {
    List<Cidr> blocks =
        allowedCidrs == null
            ? List.of()
            : java.util.Arrays.stream(allowedCidrs.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Cidr::parse)
                .toList();
    return new AddressPolicy(blocks, InetAddress::getAllByName);
  }

  /** Name resolution, replaceable so that tests can play DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A name that resolves to an address the policy refuses. */
  public static final class RefusedAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    RefusedAddressException(String message) {
      super(message);
    }
  }

  /**
   * Resolves a host and returns its addresses only if every one is permitted: what a connection is
   * then made to is exactly what was checked.
   */
  public InetAddress[] resolvePermitted(String host) throws UnknownHostException {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (looksNumeric(bare) && !CANONICAL_IPV4.matcher(bare).matches()) {
      throw new RefusedAddressException(
          host + " is an IPv4 address in another form than four decimal parts");
    }
    InetAddress[] addresses = resolver.resolve(bare);
    for (InetAddress address : addresses) {
      if (!permits(address)) {
        throw new RefusedAddressException(
            host + " resolves to " + address.getHostAddress() + ", which is not a public address");
      }
    }
    return addresses;
  }

  /**
   * Browsers and curl read a host whose last label is a number ({@code 0177.1}, {@code 012.0.0.1},
   * {@code 0x7f.1}, {@code 2130706433}) as an IPv4 address in octal, hex or fewer parts, while Java
   * reads some of them differently or as names: only the one canonical form is taken, so that what
   * is checked is what every client would connect to.
   */
  private static boolean looksNumeric(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = name.substring(name.lastIndexOf('.') + 1);
    return !last.isEmpty() && NUMERIC_LABEL.matcher(last).matches();
  }

  public List<Cidr> allowed() {
    return allowed;
  }

  public boolean permits(InetAddress address) {
    if (allowed.stream().anyMatch(block -> block.contains(address))) {
      return true;
    }
    byte[] bytes = address.getAddress();
    return NON_PUBLIC.stream().noneMatch(block -> block.contains(bytes));
  }

  /**
   * Checks a webhook URL: http or https, a host, and every address it resolves to permitted.
   * Returns the reason it is refused, or null when it is acceptable. A name that does not resolve
   * now is accepted: that is no sign of aiming inside, and every attempt checks again.
   */
  public String refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "This is not a valid URL.";
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getPort() < -1) {
      return "The URL has a port out of range (1 to 65535).";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "The URL must be an http or https URL.";
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      // java.net.URI gives no host for some numeric forms (0x7f.1, 127.1) that clients do read.
      String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
      String named = authority.replaceFirst("^.*@", "").replaceFirst(":[0-9]*$", "");
      return !named.isEmpty() && looksNumeric(named)
          ? "The URL's host "
              + named
              + " is an IPv4 address in another form than four decimal parts."
          : "The URL has no host.";
    }
    if (uri.getUserInfo() != null) {
      return "The URL must not carry credentials.";
    }
    try {
      resolvePermitted(host);
      return null;
    } catch (RefusedAddressException e) {
      return "The URL's host " + e.getMessage() + ".";
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
