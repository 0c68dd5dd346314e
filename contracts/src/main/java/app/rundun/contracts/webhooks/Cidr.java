package app.rundun.contracts.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public record Cidr(byte[] network, int prefix) {

  public Cidr {
    network = network.clone();
  }

  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("Not a CIDR block: " + text);
    }
    String address = text.substring(0, slash).strip();
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("Not an address literal: " + address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      int prefix = Integer.parseInt(text.substring(slash + 1).strip());
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("Bad prefix length in " + text);
      }
      return new Cidr(bytes, prefix);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an address: " + address, e);
    }
  }

  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] candidate) {
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr that
        && prefix == that.prefix
        && Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
