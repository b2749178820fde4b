package fob.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fob.server.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {
    private static final String PROXY = "10.0.0.5";

    @Test
    void withNoTrustedProxyTheHeadersAreIgnored() {
        ClientAddress direct = ClientAddress.direct();
        assertEquals(PROXY, direct.resolve(PROXY, "for=203.0.113.9", "203.0.113.9"));
    }

    @Test
    void fromAnUntrustedPeerTheHeadersAreIgnored() throws Exception {
        ClientAddress behindProxy = ClientAddress.trusting("10.0.0.0/8");
        assertEquals("192.0.2.1", behindProxy.resolve("192.0.2.1", null, "203.0.113.9"));
    }

    @Test
    void fromATrustedPeerTheNearestUntrustedHopIsTheClient() throws Exception {
        ClientAddress behindProxy = ClientAddress.trusting("10.0.0.0/8, 172.16.0.1");
        assertEquals("203.0.113.9", behindProxy.resolve(PROXY, null, "203.0.113.9"));
        // The client may write anything to the left; only what the trusted proxies appended counts.
        assertEquals("203.0.113.9", behindProxy.resolve(PROXY, null, "198.51.100.1, 203.0.113.9"));
        assertEquals("203.0.113.9", behindProxy.resolve(PROXY, null, "198.51.100.1, 203.0.113.9, 172.16.0.1"));
        assertEquals("203.0.113.9", behindProxy.resolve(PROXY, null, "203.0.113.9:4711"));
        assertEquals(PROXY, behindProxy.resolve(PROXY, null, null), "no header: the proxy itself");
    }

    @Test
    void forwardedWinsOverXForwardedForAndItsQuotedFormsAreRead() throws Exception {
        ClientAddress behindProxy = ClientAddress.trusting("10.0.0.0/8");
        assertEquals("192.0.2.60", behindProxy.resolve(PROXY, "for=192.0.2.60;proto=https;by=10.0.0.5",
                "198.51.100.1"));
        assertEquals("2001:db8:cafe:0:0:0:0:17", behindProxy.resolve(PROXY,
                "for=198.51.100.1, For=\"[2001:db8:cafe::17]:4711\"", null));
    }

    @Test
    void aHopThatIsNotAnAddressStopsTheWalkAtTheProxyThatNamedIt() throws Exception {
        ClientAddress behindProxy = ClientAddress.trusting("10.0.0.0/8");
        assertEquals(PROXY, behindProxy.resolve(PROXY, "for=unknown", null));
        assertEquals("10.0.0.7", behindProxy.resolve(PROXY, null, "evil.example, 10.0.0.7"));
        assertEquals(PROXY, behindProxy.resolve(PROXY, null, "999.1.1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "256.0.0.1"})
    void namesAndBadRangesAreRefusedAtStartUp(String proxy) {
        assertThrows(ConfigException.class, () -> ClientAddress.trusting(proxy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "1.2.3", "12:zz::1", "1:2"})
    void onlyLiteralsAreAddresses(String text) {
        // "1:2" would be a name lookup if it reached InetAddress unbracketed.
        assertNull(ClientAddress.literal(text));
    }
}
