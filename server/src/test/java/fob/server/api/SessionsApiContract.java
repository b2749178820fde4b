package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestServer;
import fob.server.web.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Signed-in devices: listed, renamed, ended one by one or all but this one, and ended with their passkey. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionsApiContract {
    private static final String FIREFOX_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)"
            + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
    protected TestServer server;

    protected abstract TestServer.Database database();

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(database(), "--rate-limit=0", "--accounts-per-hour=0", "--signups-per-hour=0");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Signs a new browser in with the passkey, sending that browser's User-Agent. */
    private ApiClient signIn(SoftwareAuthenticator authenticator, String userAgent) throws Exception {
        ApiClient client = server.client();
        ObjectNode options = client.post("/api/signin/options", Json.object()).json();
        ApiClient.Response response = client.send("POST", "/api/signin/verify",
                authenticator.get(options).toString().getBytes(), "User-Agent", userAgent);
        assertEquals(200, response.status(), response.text());
        return client;
    }

    private static JsonNode sessions(ApiClient client) throws Exception {
        ApiClient.Response response = client.get("/api/sessions");
        assertEquals(200, response.status(), response.text());
        return response.json().path("sessions");
    }

    private static JsonNode find(JsonNode sessions, String device) {
        for (JsonNode session : sessions) {
            if (session.path("device").asString().equals(device)) {
                return session;
            }
        }
        throw new AssertionError("no session of " + device + " in " + sessions);
    }

    @Test
    void theListNamesEachDeviceAndWhichOneIsThisOne() throws Exception {
        Accounts.Signed ann = Accounts.create(server, "Ann");
        ApiClient laptop = signIn(ann.authenticator(), FIREFOX_ON_LINUX);
        ApiClient phone = signIn(ann.authenticator(), SAFARI_ON_IPHONE);
        JsonNode seenByLaptop = sessions(laptop);
        assertEquals(3, seenByLaptop.size(), seenByLaptop.toString());
        JsonNode firefox = find(seenByLaptop, "Firefox on Linux");
        assertTrue(firefox.path("current").asBoolean());
        assertFalse(find(seenByLaptop, "Safari on iOS").path("current").asBoolean());
        assertTrue(firefox.path("createdAt").asLong() > 0 && firefox.path("lastSeenAt").asLong() > 0);
        assertEquals(32, firefox.path("id").asString().length());
        assertTrue(find(sessions(phone), "Safari on iOS").path("current").asBoolean());
        String own = phone.get("/api/session").json().path("session").path("id").asString();
        assertEquals(find(seenByLaptop, "Safari on iOS").path("id").asString(), own);
        assertEquals(401, server.client().get("/api/sessions").status(), "signed out, there is no list");
    }

    @Test
    void aDeviceCanBeRenamedWithinLimits() throws Exception {
        Accounts.Signed bo = Accounts.create(server, "Bo");
        ApiClient laptop = signIn(bo.authenticator(), FIREFOX_ON_LINUX);
        String id = find(sessions(laptop), "Firefox on Linux").path("id").asString();
        assertEquals(204, laptop.send("PATCH", "/api/sessions/" + id,
                Json.object().put("device", "  Work laptop ").toString().getBytes()).status());
        find(sessions(laptop), "Work laptop");
        for (String bad : new String[] {"", "   ", "x".repeat(65), "tab\there"}) {
            ApiClient.Response refused = laptop.send("PATCH", "/api/sessions/" + id,
                    Json.object().put("device", bad).toString().getBytes());
            assertEquals(400, refused.status(), bad);
            assertEquals("invalid_device", refused.error());
        }
        find(sessions(laptop), "Work laptop");
        Accounts.Signed other = Accounts.create(server, "Other");
        assertEquals(404, other.client().send("PATCH", "/api/sessions/" + id,
                Json.object().put("device", "Mine now").toString().getBytes()).status(),
                "another account cannot rename it");
    }

    @Test
    void endingAnotherDeviceNeedsARecentSignInAndSignsItOut() throws Exception {
        Accounts.Signed cy = Accounts.create(server, "Cy");
        ApiClient laptop = signIn(cy.authenticator(), FIREFOX_ON_LINUX);
        ApiClient phone = signIn(cy.authenticator(), SAFARI_ON_IPHONE);
        String phoneId = find(sessions(laptop), "Safari on iOS").path("id").asString();
        Accounts.Signed stranger = Accounts.create(server, "Stranger");
        assertEquals(404, stranger.client().delete("/api/sessions/" + phoneId).status(),
                "another account's session is not found");
        server.advance(Duration.ofMinutes(6));
        try {
            ApiClient.Response stale = laptop.delete("/api/sessions/" + phoneId);
            assertEquals(403, stale.status());
            assertEquals("reauthentication_required", stale.error());
            assertTrue(phone.get("/api/session").signedIn(), "the phone is still signed in");
            laptop = signIn(cy.authenticator(), FIREFOX_ON_LINUX);
            assertEquals(204, laptop.delete("/api/sessions/" + phoneId).status());
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
        assertFalse(phone.get("/api/session").signedIn());
        assertEquals(401, phone.get("/api/backup").status());
        assertTrue(laptop.get("/api/activity").text().contains("session_ended"));
    }

    @Test
    void endingOnesOwnSessionIsSigningOutAndNeedsNoRecentSignIn() throws Exception {
        Accounts.Signed dee = Accounts.create(server, "Dee");
        ApiClient laptop = signIn(dee.authenticator(), FIREFOX_ON_LINUX);
        String own = laptop.get("/api/session").json().path("session").path("id").asString();
        server.advance(Duration.ofMinutes(6));
        try {
            assertEquals(204, laptop.delete("/api/sessions/" + own).status());
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
        assertFalse(laptop.get("/api/session").signedIn());
        assertTrue(dee.client().get("/api/session").signedIn(), "other sessions go on");
    }

    @Test
    void signOutEverywhereElseEndsEveryOtherSessionOnly() throws Exception {
        Accounts.Signed eve = Accounts.create(server, "Eve");
        ApiClient laptop = signIn(eve.authenticator(), FIREFOX_ON_LINUX);
        ApiClient phone = signIn(eve.authenticator(), SAFARI_ON_IPHONE);
        server.advance(Duration.ofMinutes(6));
        try {
            assertEquals("reauthentication_required", laptop.delete("/api/sessions").error());
            assertTrue(phone.get("/api/session").signedIn());
            laptop = signIn(eve.authenticator(), FIREFOX_ON_LINUX);
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
        ApiClient.Response ended = laptop.delete("/api/sessions");
        assertEquals(200, ended.status(), ended.text());
        assertEquals(3, ended.json().path("ended").asInt(), "the phone, the first laptop session and the creator");
        assertFalse(phone.get("/api/session").signedIn());
        assertFalse(eve.client().get("/api/session").signedIn());
        assertTrue(laptop.get("/api/session").signedIn());
        assertEquals(1, sessions(laptop).size());
    }

    @Test
    void removingAPasskeyEndsEverySessionItSignedIn() throws Exception {
        Accounts.Signed fay = Accounts.create(server, "Fay");
        ApiClient first = fay.client();
        ObjectNode options = first.post("/api/passkeys/options", Json.object()).json();
        SoftwareAuthenticator lost = new SoftwareAuthenticator(server.origin());
        ApiClient.Response added = first.post("/api/passkeys", lost.create(options));
        assertEquals(201, added.status(), added.text());
        ApiClient stolenPhone = signIn(lost, SAFARI_ON_IPHONE);
        ApiClient laptop = signIn(fay.authenticator(), FIREFOX_ON_LINUX);
        assertTrue(stolenPhone.get("/api/session").signedIn());

        assertEquals(204, laptop.delete("/api/passkeys/" + added.json().path("id").asString()).status());
        ApiClient.Response cutOff = stolenPhone.get("/api/backup");
        assertEquals(401, cutOff.status());
        assertEquals("not_signed_in", cutOff.error());
        assertTrue(laptop.get("/api/session").signedIn(), "sessions of the remaining passkey go on");
        assertTrue(first.get("/api/session").signedIn());
        assertEquals(2, sessions(laptop).size());
        assertEquals(401, Accounts.signIn(server.client(), lost).status(), "and the passkey signs in no more");
    }
}
