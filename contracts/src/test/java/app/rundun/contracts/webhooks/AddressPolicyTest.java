package app.rundun.contracts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF table: every non-public form, by literal and by DNS name, and the allow-list. */
class AddressPolicyTest {

  /** Fake DNS: to-{address}.example resolves to the address, its colons written as x. */
  private final AddressPolicy policy = new AddressPolicy(List.of(), host -> resolve(host));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.9.9.9",
        "0.0.0.0",
        "0.1.2.3",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "169.254.0.1",
        "100.64.0.1",
        "100.127.255.254",
        "198.18.0.1",
        "198.19.255.255",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",
        "192.0.2.1",
        "198.51.100.1",
        "203.0.113.1",
        "192.0.0.1",
        "192.88.99.1",
        "::1",
        "::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "febf::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "::10.0.0.1",
        "64:ff9b::7f00:1",
        "64:ff9b::a00:1",
        "2002:7f00:1::1",
        "2002:c0a8:101::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "2001:db8::1",
        "100::1",
        "fec0::1"
      })
  void refusesEveryNonPublicAddressByLiteralAndByName(String address) {
    assertThat(policy.refusal("https://" + literal(address) + "/hook"))
        .as("literal %s", address)
        .isNotNull();
    assertThat(policy.refusal("https://to-" + address.replace(':', 'x') + ".example/hook"))
        .as("a name resolving to %s", address)
        .isNotNull()
        .contains("not a public address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "1.1.1.1",
        "2606:4700:4700::1111",
        "172.32.0.1",
        "100.128.0.1"
      })
  void permitsPublicAddresses(String address) {
    assertThat(policy.refusal("https://" + literal(address) + "/hook")).isNull();
    assertThat(policy.refusal("https://to-" + address.replace(':', 'x') + ".example/hook"))
        .isNull();
  }

  @Test
  void refusesANameIfAnyOfItsAddressesIsInside() {
    AddressPolicy twoFaced =
        new AddressPolicy(
            List.of(),
            host ->
                new InetAddress[] {
                  InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")
                });
    assertThat(twoFaced.refusal("https://rebind.example/hook")).contains("10.0.0.7");
  }

  @Test
  void refusesOtherSchemesAndCredentialsButNotANameThatDoesNotResolveYet() throws Exception {
    assertThat(policy.refusal("ftp://to-8.8.8.8.example/x")).contains("http or https");
    assertThat(policy.refusal("file:///etc/passwd")).contains("http or https");
    assertThat(policy.refusal("https://user:pw@to-8.8.8.8.example/x")).contains("credentials");
    assertThat(policy.refusal("https://nowhere.invalid/x")).isNull();
    assertThatThrownBy(() -> policy.resolvePermitted("nowhere.invalid"))
        .isInstanceOf(java.net.UnknownHostException.class);
  }

  @Test
  void theOperatorsAllowListOverridesThePolicy() {
    AddressPolicy local =
        new AddressPolicy(
            List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")), host -> resolve(host));
    assertThat(local.refusal("http://127.0.0.1:9000/hook")).isNull();
    assertThat(local.refusal("http://[::1]:9000/hook")).isNull();
    assertThat(local.refusal("http://10.0.0.1/hook")).isNotNull();
  }

  @Test
  void theSystemResolverRefusesLocalhost() {
    assertThat(AddressPolicy.of("").refusal("http://localhost:8080/hook")).isNotNull();
    assertThat(AddressPolicy.of("127.0.0.0/8,::1/128").refusal("http://localhost:8080/hook"))
        .isNull();
  }

  private static String literal(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    if (host.startsWith("to-") && host.endsWith(".example")) {
      String address = host.substring(3, host.length() - ".example".length()).replace('x', ':');
      return new InetAddress[] {InetAddress.getByName(address)};
    }
    if (host.matches("[0-9a-fA-F:.]+")) {
      return new InetAddress[] {InetAddress.getByName(host)};
    }
    throw new UnknownHostException(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "012.0.0.1",
        "0177.0.0.1",
        "0x7f.0.0.1",
        "0x7f000001",
        "2130706433",
        "127.1",
        "8.8.8.08",
        "010.8.8.8",
        "8.8.8.8.",
        "1.2.3.4.5"
      })
  void refusesEveryIpv4FormButFourDecimalParts(String host) {
    assertThat(policy.refusal("https://" + host + "/hook"))
        .as(host)
        .isNotNull()
        .contains("another form than four decimal parts");
  }

  @Test
  void takesCanonicalAddressesAndNamesEndingInLetters() {
    assertThat(policy.refusal("https://8.8.8.8/hook")).isNull();
    assertThat(policy.refusal("https://to-8.8.8.8.example/hook")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "99999"})
  void refusesPortsOutOfRange(String port) {
    assertThat(policy.refusal("https://to-8.8.8.8.example:" + port + "/hook"))
        .contains("port out of range");
  }
}
