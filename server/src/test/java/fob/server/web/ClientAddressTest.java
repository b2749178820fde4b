package fob.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client address from what real proxies send. Each row is one request as it reaches Fob: the TCP peer and
 * every header line in order, some written by the client (who may write anything), the last ones by the proxies.
 * The client in every row is 203.0.113.7 (or 2001:db8:1:2::7); the forgeries are 198.51.100.x.
 */
class ClientAddressTest {
    private static final String CLIENT = "203.0.113.7";

    /** One request: which header the operator named, the peer, the header lines in order, and the answer. */
    record Row(String what, String trusted, String header, String peer, List<String[]> lines, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static Row row(String what, String trusted, String header, String peer, String expected,
            String... lines) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            pairs.add(new String[] {lines[i], lines[i + 1]});
        }
        return new Row(what, trusted, header, peer, pairs, expected);
    }

    static Stream<Row> proxies() {
        return Stream.of(
            // Caddy 2.5+ (reverse_proxy, no trusted_proxies of its own): sets X-Forwarded-For to the peer it saw,
            // dropping the client's; it passes Forwarded and X-Real-IP through untouched (issue 24).
            row("Caddy, plain", "127.0.0.1", "X-Forwarded-For", "127.0.0.1", CLIENT,
                "X-Forwarded-For", CLIENT),
            row("Caddy, client adds its own Forwarded", "127.0.0.1", "X-Forwarded-For", "127.0.0.1", CLIENT,
                "Forwarded", "for=198.51.100.1", "X-Forwarded-For", CLIENT),
            row("Caddy, client adds X-Real-IP", "127.0.0.1", "X-Forwarded-For", "127.0.0.1", CLIENT,
                "X-Real-IP", "198.51.100.2", "X-Forwarded-For", CLIENT),
            row("Caddy, IPv6 client", "::1", "x-forwarded-for", "::1", "2001:db8:1:2:0:0:0:7",
                "X-Forwarded-For", "2001:db8:1:2::7"),
            // nginx, proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for: appends ", <peer>" to the
            // incoming value.
            row("nginx, plain", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5", CLIENT,
                "X-Forwarded-For", CLIENT),
            row("nginx, client sent its own X-Forwarded-For", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5", CLIENT,
                "X-Forwarded-For", "198.51.100.1, 198.51.100.2, " + CLIENT),
            row("nginx, with port", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5", CLIENT,
                "X-Forwarded-For", "198.51.100.1, " + CLIENT + ":4711"),
            // nginx, proxy_set_header X-Real-IP $remote_addr: replaces whatever the client sent.
            row("nginx X-Real-IP", "10.0.0.0/8", "X-Real-IP", "10.0.0.5", CLIENT,
                "X-Forwarded-For", "198.51.100.1", "X-Real-IP", CLIENT),
            // HAProxy, option forwardfor: adds a second X-Forwarded-For line after the client's.
            row("HAProxy, client's line first", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5", CLIENT,
                "X-Forwarded-For", "198.51.100.1", "X-Forwarded-For", CLIENT),
            row("HAProxy, client's two lines first", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5", CLIENT,
                "X-Forwarded-For", "198.51.100.1, 198.51.100.2", "X-Forwarded-For", "198.51.100.3",
                "X-Forwarded-For", CLIENT),
            // Traefik (forwardedHeaders.insecure, or trusting the hop before it): appends to the incoming value;
            // behind a trusted load balancer 10.0.0.2, which appended the client before it.
            row("Traefik, appending", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.3", CLIENT,
                "X-Forwarded-For", "198.51.100.1, " + CLIENT),
            row("Traefik behind a trusted load balancer", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.3", CLIENT,
                "X-Forwarded-For", "198.51.100.1, " + CLIENT + ", 10.0.0.2"),
            // A proxy that writes RFC 7239 Forwarded, appending its element.
            row("Forwarded, appended", "10.0.0.0/8", "Forwarded", "10.0.0.5", CLIENT,
                "Forwarded", "for=198.51.100.1", "Forwarded", "for=" + CLIENT + ";proto=https;by=10.0.0.5",
                "X-Forwarded-For", "198.51.100.2"),
            row("Forwarded, one line, quoted IPv6 with port", "10.0.0.0/8", "FORWARDED", "10.0.0.5",
                "2001:db8:cafe:0:0:0:0:17", "Forwarded", "for=198.51.100.1, For=\"[2001:db8:cafe::17]:4711\""),
            row("Forwarded, quoted IPv4 with port, then a trusted hop", "10.0.0.0/8", "Forwarded", "10.0.0.5",
                CLIENT, "Forwarded", "for=\"" + CLIENT + ":4711\";proto=https, for=10.0.0.9"),
            // What is not an address is not the client: the walk stops at the proxy that wrote it.
            // A client's unbalanced quote must not swallow the element the proxy appended on the same line.
            row("Forwarded, client's unbalanced quote in another parameter", "10.0.0.0/8", "Forwarded", "10.0.0.5",
                CLIENT, "Forwarded", "for=198.51.100.1;x=\", for=" + CLIENT),
            row("Forwarded, client's unbalanced quote in its for=", "10.0.0.0/8", "Forwarded", "10.0.0.5", CLIENT,
                "Forwarded", "for=\"198.51.100.1, for=" + CLIENT),
            row("Forwarded for=unknown", "10.0.0.0/8", "Forwarded", "10.0.0.5", "10.0.0.5",
                "Forwarded", "for=198.51.100.1, for=unknown"),
            row("Forwarded, obfuscated", "10.0.0.0/8", "Forwarded", "10.0.0.5", "10.0.0.9",
                "Forwarded", "for=_hidden, for=10.0.0.9"),
            row("X-Forwarded-For, a name", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5", "10.0.0.7",
                "X-Forwarded-For", "evil.example, 10.0.0.7"),
            row("X-Forwarded-For, not an address", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5", "10.0.0.5",
                "X-Forwarded-For", "999.1.1.1"),
            row("the named header missing: the proxy itself", "10.0.0.0/8", "X-Forwarded-For", "10.0.0.5",
                "10.0.0.5", "Forwarded", "for=198.51.100.1", "X-Real-IP", "198.51.100.2"),
            // From an untrusted peer (a client reaching Fob around the proxy), no header counts.
            row("an untrusted peer", "10.0.0.0/8", "X-Forwarded-For", "192.0.2.1", "192.0.2.1",
                "X-Forwarded-For", CLIENT, "Forwarded", "for=" + CLIENT, "X-Real-IP", CLIENT),
            // With no trusted proxy (clients reach Fob directly), every header is ignored.
            row("no trusted proxy, no header named", "", "", "192.0.2.1", "192.0.2.1",
                "X-Forwarded-For", CLIENT, "Forwarded", "for=" + CLIENT, "X-Real-IP", CLIENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void theClientIsTheRightmostUntrustedAddressOfTheNamedHeader(Row row) throws Exception {
        ClientAddress addresses = ClientAddress.configure(row.trusted(), row.header(), 64);
        assertEquals(row.expected(), addresses.resolve(row.peer(), name -> {
            List<String> values = new ArrayList<>();
            for (String[] line : row.lines()) {
                if (line[0].equalsIgnoreCase(name)) {
                    values.add(line[1]);
                }
            }
            return values;
        }));
    }

    @Test
    void ipv6AddressesShareOneKeyPerSlash64() throws Exception {
        ClientAddress addresses = ClientAddress.configure("", "", 64);
        String one = addresses.key("2001:db8:1:2::7");
        assertEquals(one, addresses.key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "one /64, one key");
        assertEquals(one, addresses.key("2001:0db8:0001:0002:0:0:0:1"), "however it is written");
        assertNotEquals(one, addresses.key("2001:db8:1:3::7"), "the next /64 is another key");
        assertEquals("203.0.113.7", addresses.key("203.0.113.7"), "IPv4 stays one address");
        assertNotEquals(addresses.key("203.0.113.7"), addresses.key("203.0.113.8"));
        assertEquals("192.0.2.1", addresses.key("::ffff:192.0.2.1"), "an IPv4-mapped address is IPv4");

        ClientAddress per56 = ClientAddress.configure("", "", 56);
        assertEquals(per56.key("2001:db8:1:2::7"), per56.key("2001:db8:1:ff::7"), "a /56 setting takes a /56");
        ClientAddress per128 = ClientAddress.configure("", "", 128);
        assertNotEquals(per128.key("2001:db8:1:2::7"), per128.key("2001:db8:1:2::8"));
    }

    @Test
    void trustedProxiesWithoutAHeaderRefuseToStartInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientAddress.configure("127.0.0.1", "", 64));
        assertTrue(e.getMessage().contains("FOB_TRUSTED_PROXIES") && e.getMessage().contains(
                "FOB_CLIENT_IP_HEADER"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ClientAddress.configure("127.0.0.1", "X-Client-IP", 64));
        assertTrue(unknown.getMessage().contains("X-Client-IP"), unknown.getMessage());
        // The opposite mistake: every client would count as the proxy, sharing one address's limits.
        IllegalArgumentException noProxies = assertThrows(IllegalArgumentException.class,
                () -> ClientAddress.configure("", "X-Forwarded-For", 64));
        assertTrue(noProxies.getMessage().contains("FOB_TRUSTED_PROXIES") && noProxies.getMessage().contains(
                "FOB_CLIENT_IP_HEADER"), noProxies.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "256.0.0.1"})
    void namesAndBadRangesAreRefusedAtStartUp(String proxy) {
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.configure(proxy, "X-Forwarded-For", 64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "1.2.3", "12:zz::1", "1:2"})
    void onlyLiteralsAreAddresses(String text) {
        // "1:2" would be a name lookup if it reached InetAddress unbracketed.
        assertNull(ClientAddress.literal(text));
    }
}
