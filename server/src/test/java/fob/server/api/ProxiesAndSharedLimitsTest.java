package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.server.testing.ApiClient;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestPostgres;
import fob.server.testing.TestServer;
import fob.server.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client address behind a proxy (used by limits and the activity list), and limits that hold across every
 * server on one database.
 */
class ProxiesAndSharedLimitsTest {
    private static ApiClient.Response post(ApiClient client, String path, Object body, String... headers)
            throws Exception {
        return client.send("POST", path, body.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Registers through a proxy that says the client is {@code address}; returns the address the activity shows. */
    private static String registeredAddress(TestServer server, String address) throws Exception {
        ApiClient client = server.client();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(server.origin());
        ObjectNode options = post(client, "/api/register/options", Json.object().put("name", "Ann"),
                "X-Forwarded-For", address).json();
        ApiClient.Response created = post(client, "/api/register/verify", authenticator.create(options),
                "X-Forwarded-For", address);
        assertEquals(201, created.status(), created.text());
        return client.get("/api/activity").json().path("events").get(0).path("address").asString();
    }

    /** How many sign-in requests in a row the server takes from {@code address} before it answers 429. */
    private static int acceptedFrom(ApiClient client, String address, int tries, String... moreHeaders)
            throws Exception {
        for (int i = 0; i < tries; i++) {
            String[] headers = new String[2 + moreHeaders.length];
            headers[0] = "X-Forwarded-For";
            headers[1] = address;
            System.arraycopy(moreHeaders, 0, headers, 2, moreHeaders.length);
            ApiClient.Response response = post(client, "/api/signin/options", Json.object(), headers);
            if (response.status() == 429) {
                assertEquals("rate_limited", response.error());
                return i;
            }
            assertEquals(200, response.status(), response.text());
        }
        return tries;
    }

    @Test
    void fromAnUntrustedPeerXForwardedForIsIgnored() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=3")) {
            assertEquals("127.0.0.1", registeredAddress(server, "203.0.113.7"));
            ApiClient client = server.client();
            assertEquals(1, acceptedFrom(client, "198.51.100.1", 5), "one bucket for the peer, whatever it says"
                    + " (two of its three requests went to the registration)");
            assertEquals(0, acceptedFrom(client, "198.51.100.2", 5));
        }
    }

    @Test
    void fromATrustedProxyItNamesTheClient() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=3",
                "--trusted-proxies=127.0.0.1, ::1", "--client-ip-header=X-Forwarded-For")) {
            assertEquals("203.0.113.7", registeredAddress(server, "203.0.113.7"));
            ApiClient client = server.client();
            assertEquals(3, acceptedFrom(client, "198.51.100.1", 5));
            assertEquals(3, acceptedFrom(client, "198.51.100.2", 5), "each client its own bucket");
            assertEquals(1, acceptedFrom(client, "203.0.113.7", 5), "the registration's two requests counted");
        }
    }

    /**
     * Issue 24's reproduction: behind Caddy, which sets X-Forwarded-For and passes the client's own Forwarded
     * through, a client that writes a new Forwarded on every request is still one client.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aClientsOwnForwardedHeaderCountsForNothing(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database, "--rate-limit=3", "--trusted-proxies=127.0.0.1",
                "--client-ip-header=X-Forwarded-For")) {
            ApiClient client = server.client();
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 15; i++) {
                ApiClient.Response response = post(client, "/api/signin/options", Json.object(),
                        "X-Forwarded-For", "203.0.113.7", "Forwarded", "for=\"198.51.100." + (i + 1) + "\"",
                        "X-Real-IP", UUID.randomUUID().toString());
                if (response.status() == 200) {
                    assertEquals(i, accepted, "the answers come first, then only refusals");
                    accepted++;
                } else {
                    assertEquals(429, response.status(), response.text());
                    assertEquals("rate_limited", response.error());
                    refused++;
                }
            }
            assertEquals(3, accepted);
            assertEquals(12, refused);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void ipv6ClientsAreLimitedPerSlash64(TestServer.Database database) throws Exception {
        try (TestServer server = TestServer.start(database, "--rate-limit=3", "--trusted-proxies=127.0.0.1, ::1",
                "--client-ip-header=X-Forwarded-For")) {
            ApiClient client = server.client();
            assertEquals(3, acceptedFrom(client, "2001:db8:1:2::1", 5));
            assertEquals(0, acceptedFrom(client, "2001:db8:1:2:abcd::99", 5), "the same /64: the same bucket");
            assertEquals(3, acceptedFrom(client, "2001:db8:1:3::1", 5), "the next /64: a bucket of its own");
            assertEquals("2001:db8:1:3:0:0:0:5", registeredAddressAfterReset(server, "2001:db8:1:3::5"),
                    "the activity list shows the whole address");
        }
    }

    /** As {@link #registeredAddress}, on a fresh client, with the rate limits spent so far forgotten. */
    private static String registeredAddressAfterReset(TestServer server, String address) throws Exception {
        server.advance(java.time.Duration.ofMinutes(5));
        return registeredAddress(server, address);
    }

    @Test
    void aLimitReachedOnOneServerHoldsOnTheOther() throws Exception {
        String database = TestPostgres.get().newDatabase();
        try (TestServer a = TestServer.startOn(database, "--rate-limit=4");
                TestServer b = TestServer.startOn(database, "--rate-limit=4")) {
            ApiClient onA = a.client();
            ApiClient onB = b.client();
            assertEquals(2, acceptedFrom(onA, "ignored", 2));
            assertEquals(2, acceptedFrom(onB, "ignored", 5), "B counts A's requests");
            assertEquals(0, acceptedFrom(onA, "ignored", 5));
            a.advance(java.time.Duration.ofSeconds(16));
            assertEquals(1, acceptedFrom(onA, "ignored", 5), "and the bucket refills at 4 a minute");
        }
    }
}
