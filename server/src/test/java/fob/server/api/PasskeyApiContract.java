package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestServer;
import fob.server.web.Base64Url;
import fob.server.web.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.node.ObjectNode;

/** Recovery accounts, passkeys and sessions, over HTTP, including the attacks each check stops. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PasskeyApiContract {
    protected TestServer server;

    protected abstract TestServer.Database database();

    @BeforeAll
    void start() throws Exception {
        // Many accounts from one address: the new-account quota has its own test (QuotasTest).
        server = TestServer.start(database(), "--rate-limit=0", "--accounts-per-hour=0", "--signups-per-hour=0");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void optionsUseTheLevel3JsonFormsWithUserVerificationRequired() throws Exception {
        ApiClient client = server.client();
        ObjectNode creation = client.post("/api/register/options", Json.object().put("name", "Ann")).json();
        assertEquals("localhost", creation.path("rp").path("id").asString());
        assertEquals("Ann", creation.path("user").path("name").asString());
        assertEquals(32, Base64Url.decode(creation.path("user").path("id").asString()).length);
        assertEquals(32, Base64Url.decode(creation.path("challenge").asString()).length);
        assertEquals("required", creation.path("authenticatorSelection").path("residentKey").asString());
        assertEquals("required", creation.path("authenticatorSelection").path("userVerification").asString());
        assertEquals("none", creation.path("attestation").asString());
        assertEquals(-7, creation.path("pubKeyCredParams").get(0).path("alg").asInt());

        ObjectNode request = client.post("/api/signin/options", Json.object()).json();
        assertEquals("localhost", request.path("rpId").asString());
        assertEquals("required", request.path("userVerification").asString());
        assertEquals(0, request.path("allowCredentials").size(), "discoverable: the passkey names the account");
    }

    @Test
    void registerSignOutSignInAndTheSession() throws Exception {
        Accounts.Signed ann = Accounts.create(server, "Ann");
        ApiClient.Response session = ann.client().get("/api/session");
        assertEquals(200, session.status(), session.text());
        assertEquals("Ann", session.json().path("account").path("name").asString());

        assertEquals(204, ann.client().post("/api/signout", Json.object()).status());
        assertFalse(ann.client().get("/api/session").signedIn());
        assertEquals("{\"signedIn\":false}", ann.client().get("/api/session").text(), "and nothing else");

        ApiClient.Response signedIn = Accounts.signIn(ann.client(), ann.authenticator());
        assertEquals(200, signedIn.status(), signedIn.text());
        assertEquals(ann.accountId(), signedIn.json().path("account").path("id").asString());
        assertTrue(ann.client().get("/api/session").signedIn());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrict() throws Exception {
        ApiClient client = server.client();
        ApiClient.Response created = Accounts.register(client, new SoftwareAuthenticator(server.origin()), "Bo");
        String cookie = created.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.startsWith("fob_session="), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Strict"), cookie);
        assertTrue(cookie.contains("; Path=/"), cookie);
        String token = cookie.substring("fob_session=".length(), cookie.indexOf(';'));
        assertEquals(32, Base64Url.decode(token).length, "a 256-bit token");
    }

    @Test
    void aForgedOrStolenLookingCookieIsNotASession() throws Exception {
        Accounts.create(server, "Cy");
        ApiClient forger = server.client();
        for (String token : new String[] {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-base64!", "",
            Base64Url.encode(new byte[31])}) {
            ApiClient.Response response = forger.get("/api/session", "Cookie", "fob_session=" + token);
            assertFalse(response.signedIn(), token);
            assertEquals(401, forger.get("/api/backup", "Cookie", "fob_session=" + token).status(), token);
        }
    }

    @Test
    void sessionsExpireWhenIdle() throws Exception {
        Accounts.Signed dee = Accounts.create(server, "Dee");
        server.advance(Duration.ofDays(15));
        try {
            assertFalse(dee.client().get("/api/session").signedIn());
        } finally {
            server.advance(Duration.ofDays(-15));
        }
    }

    /** GET /api/backup reads the session with the backup (SessionBackups): its checks are the session's own. */
    @Test
    void theBackupsReadRefusesAnIdleSessionAndDeletesIt() throws Exception {
        Accounts.Signed fay = Accounts.create(server, "Fay");
        assertEquals(201, fay.client().put("/api/backup", Envelopes.ofSize(100), "If-None-Match", "*").status());
        server.advance(Duration.ofDays(15));
        try {
            assertEquals(401, fay.client().get("/api/backup").status(), "idle for 15 days");
        } finally {
            server.advance(Duration.ofDays(-15));
        }
        // Back at the time it was last used, the session would be valid again had the refusal not deleted it.
        assertEquals(401, fay.client().get("/api/backup").status(), "deleted when it was refused");
    }

    @Test
    void theBackupsReadRefusesASessionPastItsAbsoluteExpiryThoughInUse() throws Exception {
        Accounts.Signed gus = Accounts.create(server, "Gus");
        assertEquals(201, gus.client().put("/api/backup", Envelopes.ofSize(100), "If-None-Match", "*").status());
        int days = 0;
        try {
            // Read every 13 days, so that it is never idle for 14: each read touches it.
            while (days + 13 <= 90) {
                server.advance(Duration.ofDays(13));
                days += 13;
                assertEquals(200, gus.client().get("/api/backup").status(), "in use on day " + days);
            }
            server.advance(Duration.ofDays(13));
            days += 13;
            assertEquals(401, gus.client().get("/api/backup").status(), "more than 90 days old on day " + days);
        } finally {
            server.advance(Duration.ofDays(-days));
        }
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        Accounts.Signed eve = Accounts.create(server, "Eve");
        ObjectNode options = eve.client().post("/api/signin/options", Json.object()).json();
        ObjectNode assertion = eve.authenticator().get(options);
        assertEquals(200, eve.client().post("/api/signin/verify", assertion).status());
        ApiClient.Response replay = eve.client().post("/api/signin/verify", assertion);
        assertEquals(400, replay.status(), replay.text());
        assertEquals("challenge_expired", replay.error());
    }

    @Test
    void aChallengeWorksOnlyInTheBrowserThatAskedForIt() throws Exception {
        Accounts.Signed gus = Accounts.create(server, "Gus");
        ObjectNode options = gus.client().post("/api/signin/options", Json.object()).json();
        ObjectNode assertion = gus.authenticator().get(options);

        ApiClient noCookie = server.client();
        ApiClient.Response without = noCookie.post("/api/signin/verify", assertion);
        assertEquals(400, without.status(), without.text());
        assertEquals("ceremony_cookie_missing", without.error());

        ApiClient otherBrowser = server.client();
        assertEquals(200, otherBrowser.post("/api/signin/options", Json.object()).status(), "it has its own cookie");
        ApiClient.Response stolen = otherBrowser.post("/api/signin/verify", assertion);
        assertEquals(400, stolen.status(), stolen.text());
        assertEquals("challenge_expired", stolen.error());
        assertFalse(otherBrowser.get("/api/session").signedIn(), "and it is not signed in");

        ApiClient.Response own = gus.client().post("/api/signin/verify", assertion);
        assertEquals(200, own.status(), "the challenge is still there for the browser it was made for: " + own.text());
    }

    @Test
    void aSignInThatNamesNoUserIsRefused() throws Exception {
        Accounts.Signed hal = Accounts.create(server, "Hal");
        hal.authenticator().omitUserHandle = true;
        ApiClient client = server.client();
        ApiClient.Response anonymous = Accounts.signIn(client, hal.authenticator());
        assertEquals(401, anonymous.status(), anonymous.text());
        assertEquals("user_handle_missing", anonymous.error());
        assertFalse(client.get("/api/session").signedIn());
    }

    @Test
    void ofTwoSignInsAtOnceWithTheSameCounterExactlyOneIsAccepted() throws Exception {
        Accounts.Signed cal = Accounts.create(server, "Cal");
        SoftwareAuthenticator.Credential credential = cal.authenticator().credentials().get(0);
        long counter = credential.signCount;
        int copies = 6;
        List<ApiClient> browsers = new ArrayList<>();
        List<ObjectNode> assertions = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            ApiClient browser = server.client();
            ObjectNode options = browser.post("/api/signin/options", Json.object()).json();
            // A copied authenticator: every copy signs the same next counter.
            credential.signCount = counter;
            assertions.add(cal.authenticator().get(options, credential));
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                int copy = i;
                answers.add(pool.submit(() -> browsers.get(copy).post("/api/signin/verify", assertions.get(copy))));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response response = answer.get();
                outcomes.add(response.status() == 200 ? "ok" : response.error());
            }
            assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
            assertEquals(copies - 1, outcomes.stream().filter("counter_regressed"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anExpiredChallengeIsRefused() throws Exception {
        Accounts.Signed fay = Accounts.create(server, "Fay");
        ObjectNode options = fay.client().post("/api/signin/options", Json.object()).json();
        server.advance(Duration.ofMinutes(6));
        try {
            ApiClient.Response late = fay.client().post("/api/signin/verify", fay.authenticator().get(options));
            assertEquals(400, late.status());
            assertEquals("challenge_expired", late.error());
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void aChallengeForRegistrationCannotSignIn() throws Exception {
        Accounts.Signed gus = Accounts.create(server, "Gus");
        ObjectNode creation = gus.client().post("/api/register/options", Json.object().put("name", "x")).json();
        ObjectNode assertion = gus.authenticator().get(creation.put("rpId", "localhost"));
        ApiClient.Response response = gus.client().post("/api/signin/verify", assertion);
        assertEquals("challenge_expired", response.error(), response.text());
    }

    @Test
    void aResponseForAnotherOriginOrRpIdIsRefused() throws Exception {
        Accounts.Signed hal = Accounts.create(server, "Hal");
        hal.authenticator().origin = "https://evil.example";
        assertEquals("bad_origin", Accounts.signIn(hal.client(), hal.authenticator()).error());
        hal.authenticator().origin = server.origin();
        hal.authenticator().rpIdOverride = "evil.example";
        assertEquals("bad_rp_id", Accounts.signIn(hal.client(), hal.authenticator()).error());

        SoftwareAuthenticator phished = new SoftwareAuthenticator("http://localhost:1");
        assertEquals("bad_origin", Accounts.register(server.client(), phished, "Phished").error());
        SoftwareAuthenticator otherRp = new SoftwareAuthenticator(server.origin());
        otherRp.rpIdOverride = "example.com";
        assertEquals("bad_rp_id", Accounts.register(server.client(), otherRp, "OtherRp").error());
    }

    @Test
    void aPasskeyThatDidNotVerifyTheUserIsRefused() throws Exception {
        SoftwareAuthenticator noUv = new SoftwareAuthenticator(server.origin());
        noUv.userVerified = false;
        ApiClient.Response registration = Accounts.register(server.client(), noUv, "Ivy");
        assertEquals(401, registration.status());
        assertEquals("user_not_verified", registration.error());

        Accounts.Signed ivy = Accounts.create(server, "Ivy");
        ivy.authenticator().userVerified = false;
        ApiClient.Response signIn = Accounts.signIn(server.client(), ivy.authenticator());
        assertEquals(401, signIn.status());
        assertEquals("user_not_verified", signIn.error());
    }

    @Test
    void aCounterThatGoesBackIsRefusedButZeroAfterZeroIsFine() throws Exception {
        Accounts.Signed jon = Accounts.create(server, "Jon");
        assertEquals(200, Accounts.signIn(server.client(), jon.authenticator()).status());
        assertEquals(200, Accounts.signIn(server.client(), jon.authenticator()).status());
        jon.authenticator().credentials().get(0).signCount = 0;
        ApiClient.Response cloned = Accounts.signIn(server.client(), jon.authenticator());
        assertEquals(401, cloned.status());
        assertEquals("counter_regressed", cloned.error());

        SoftwareAuthenticator synced = new SoftwareAuthenticator(server.origin());
        synced.counterStep = 0;
        Accounts.Signed kim = new Accounts.Signed(server.client(), synced, null);
        assertEquals(201, Accounts.register(kim.client(), synced, "Kim").status());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Accounts.signIn(server.client(), synced).status(), "0 then 0, as synced passkeys say");
        }
    }

    @Test
    void anUnknownCredentialIsRefused() throws Exception {
        SoftwareAuthenticator stranger = new SoftwareAuthenticator(server.origin());
        ObjectNode creation = server.client().post("/api/register/options", Json.object().put("name", "x")).json();
        stranger.create(creation);
        ApiClient.Response response = Accounts.signIn(server.client(), stranger);
        assertEquals(401, response.status());
        assertEquals("unknown_credential", response.error());
    }

    @Test
    void backupFlagsAreStoredAndPrfOutputsAreIgnored() throws Exception {
        SoftwareAuthenticator careless = new SoftwareAuthenticator(server.origin());
        careless.backupEligible = true;
        careless.backupState = false;
        String prfOutput = Base64Url.encode("this is a secret prf output 32b".getBytes());
        ObjectNode extensions = Json.object();
        extensions.putObject("prf").put("enabled", true).putObject("results").put("first", prfOutput);
        careless.extraClientExtensionResults = extensions;
        ApiClient client = server.client();
        assertEquals(201, Accounts.register(client, careless, "Lou").status());
        careless.backupState = true;
        assertEquals(200, Accounts.signIn(client, careless).status());

        ObjectNode passkey = (ObjectNode) client.get("/api/passkeys").json().path("passkeys").get(0);
        assertTrue(passkey.path("backupEligible").asBoolean());
        assertTrue(passkey.path("backupState").asBoolean(), "the backup state seen at the last sign-in");
        assertFalse(client.get("/api/passkeys").text().contains(prfOutput));
        assertFalse(client.get("/api/activity").text().contains(prfOutput));
    }

    @Test
    void stateChangingRequestsNeedTheRequestHeader() throws Exception {
        Accounts.Signed max = Accounts.create(server, "Max");
        max.client().sendRequestHeader = false;
        for (String[] call : new String[][] {{"POST", "/api/signout"}, {"POST", "/api/register/options"},
            {"PUT", "/api/backup"}, {"DELETE", "/api/backup"}, {"POST", "/api/passkeys/options"}}) {
            ApiClient.Response response = max.client().send(call[0], call[1], "{}".getBytes());
            assertEquals(403, response.status(), call[1]);
            assertEquals("missing_request_header", response.error());
        }
        assertTrue(max.client().get("/api/session").signedIn(), "still signed in: nothing happened");
    }

    @Test
    void aCrossOriginRequestIsRefused() throws Exception {
        Accounts.Signed ned = Accounts.create(server, "Ned");
        ApiClient.Response response = ned.client().send("POST", "/api/signout", "{}".getBytes(), "Origin",
                "https://evil.example");
        assertEquals(403, response.status());
        assertEquals("bad_origin", response.error());
    }

    @Test
    void passkeysCanBeAddedAfterARecentSignInAndTheLastOneNeverRemoved() throws Exception {
        Accounts.Signed oda = Accounts.create(server, "Oda");
        ApiClient client = oda.client();
        ObjectNode options = client.post("/api/passkeys/options", Json.object()).json();
        assertEquals(1, options.path("excludeCredentials").size());
        assertEquals(oda.authenticator().credentials().get(0).userHandle.length,
                Base64Url.decode(options.path("user").path("id").asString()).length);
        SoftwareAuthenticator second = new SoftwareAuthenticator(server.origin());
        ApiClient.Response added = client.post("/api/passkeys", second.create(options));
        assertEquals(201, added.status(), added.text());
        assertEquals(2, client.get("/api/passkeys").json().path("passkeys").size());
        assertEquals(200, Accounts.signIn(server.client(), second).status(), "the new passkey signs in");

        server.advance(Duration.ofMinutes(6));
        try {
            ApiClient.Response stale = client.post("/api/passkeys/options", Json.object());
            assertEquals(403, stale.status());
            assertEquals("reauthentication_required", stale.error());
            assertEquals(403, client.delete("/api/passkeys/" + added.json().path("id").asString()).status());
            assertEquals(200, Accounts.signIn(client, oda.authenticator()).status());
            assertEquals(204, client.delete("/api/passkeys/" + added.json().path("id").asString()).status());
            ApiClient.Response last = client.delete("/api/passkeys/"
                    + Base64Url.encode(oda.authenticator().credentials().get(0).id));
            assertEquals(409, last.status());
            assertEquals("last_passkey", last.error());
            assertEquals(401, Accounts.signIn(server.client(), second).status(), "the removed passkey is gone");
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
        String kinds = client.get("/api/activity").text();
        for (String kind : new String[] {"account_created", "passkey_added", "passkey_removed", "sign_in"}) {
            assertTrue(kinds.contains(kind), kind);
        }
    }

    private static ObjectNode reauthenticate() {
        return Json.object().put("reauthenticate", true);
    }

    private static int signIns(ApiClient client) throws Exception {
        return client.get("/api/activity").text().split("\"sign_in\"", -1).length - 1;
    }

    /**
     * Re-authentication stays on the signed-in account: its options name only that account's passkeys, and a
     * passkey of another account (two recovery accounts on one authenticator) is refused with other_account,
     * changing nothing: the session keeps its account and its old sign-in time, so what needs a recent sign-in is
     * still refused, and neither account records a sign-in.
     */
    @Test
    void reauthenticationStaysOnTheSignedInAccount() throws Exception {
        SoftwareAuthenticator shared = new SoftwareAuthenticator(server.origin());
        ApiClient ann = server.client();
        ApiClient.Response annCreated = Accounts.register(ann, shared, "Ann");
        assertEquals(201, annCreated.status(), annCreated.text());
        String annId = annCreated.json().path("account").path("id").asString();
        ApiClient bea = server.client();
        assertEquals(201, Accounts.register(bea, shared, "Bea").status());
        SoftwareAuthenticator.Credential annKey = shared.credentials().get(0);
        SoftwareAuthenticator.Credential beaKey = shared.credentials().get(1);
        SoftwareAuthenticator annsPhone = new SoftwareAuthenticator(server.origin());
        ObjectNode addOptions = ann.post("/api/passkeys/options", Json.object()).json();
        assertEquals(201, ann.post("/api/passkeys", annsPhone.create(addOptions)).status());

        ApiClient.Response signedOut = server.client().post("/api/signin/options", reauthenticate());
        assertEquals(401, signedOut.status(), signedOut.text());
        assertEquals("not_signed_in", signedOut.error());
        assertEquals(400, ann.post("/api/signin/options", Json.object().put("reauthenticate", "yes")).status());

        server.advance(Duration.ofMinutes(6));
        try {
            long authenticatedAt = ann.get("/api/session").json().path("authenticatedAt").asLong();
            int annSignIns = signIns(ann);
            int beaSignIns = signIns(bea);
            ApiClient.Response options = ann.post("/api/signin/options", reauthenticate());
            assertEquals(200, options.status(), options.text());
            List<String> allowed = new ArrayList<>();
            for (var credential : options.json().path("allowCredentials")) {
                assertEquals("public-key", credential.path("type").asString());
                assertTrue(credential.path("transports").toString().contains("internal"), credential.toString());
                allowed.add(credential.path("id").asString());
            }
            assertEquals(List.of(Base64Url.encode(annKey.id), Base64Url.encode(annsPhone.credentials().get(0).id))
                    .stream().sorted().toList(), allowed.stream().sorted().toList(), "Ann's passkeys, and only those");

            ApiClient.Response other = ann.post("/api/signin/verify", shared.get(options.json(), beaKey));
            assertEquals(403, other.status(), other.text());
            assertEquals("other_account", other.error());
            ObjectNode session = ann.get("/api/session").json();
            assertEquals(annId, session.path("account").path("id").asString(), "still signed in to Ann's account");
            assertEquals(authenticatedAt, session.path("authenticatedAt").asLong(), "and not as a recent sign-in");
            assertEquals(annSignIns, signIns(ann));
            assertEquals(beaSignIns, signIns(bea));
            assertTrue(bea.get("/api/passkeys").json().path("passkeys").get(0).path("lastUsedAt").isNull(),
                    "Bea's passkey was not used");
            ApiClient.Response delete = ann.delete("/api/account");
            assertEquals(403, delete.status(), delete.text());
            assertEquals("reauthentication_required", delete.error());
            assertTrue(ann.get("/api/session").signedIn());
            assertTrue(bea.get("/api/session").signedIn());
            assertEquals(2, ann.get("/api/passkeys").json().path("passkeys").size(), "nothing deleted");
            assertEquals(1, bea.get("/api/passkeys").json().path("passkeys").size());

            // With one of its own passkeys, it is a sign-in as ever; a passkey named in allowCredentials may
            // leave out the user handle (WebAuthn L3 7.2 step 6).
            shared.omitUserHandle = true;
            ObjectNode again = ann.post("/api/signin/options", reauthenticate()).json();
            ApiClient.Response own = ann.post("/api/signin/verify", shared.get(again, annKey));
            shared.omitUserHandle = false;
            assertEquals(200, own.status(), own.text());
            assertEquals(annId, own.json().path("account").path("id").asString());
            assertEquals(annSignIns + 1, signIns(ann));
            assertTrue(ann.get("/api/session").json().path("authenticatedAt").asLong() > authenticatedAt);

            // A plain sign-in is discoverable, for any account: that is how a person switches accounts.
            ObjectNode plain = ann.post("/api/signin/options", Json.object()).json();
            assertEquals(0, plain.path("allowCredentials").size());
            ApiClient.Response switched = ann.post("/api/signin/verify", shared.get(plain, beaKey));
            assertEquals(200, switched.status(), switched.text());
            assertFalse(annId.equals(switched.json().path("account").path("id").asString()));
        } finally {
            server.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void anotherAccountsPasskeyCannotBeRemoved() throws Exception {
        Accounts.Signed pia = Accounts.create(server, "Pia");
        Accounts.Signed quinn = Accounts.create(server, "Quinn");
        ApiClient.Response response = quinn.client().delete("/api/passkeys/"
                + Base64Url.encode(pia.authenticator().credentials().get(0).id));
        assertEquals(404, response.status());
        assertEquals(1, pia.client().get("/api/passkeys").json().path("passkeys").size());
    }

    @Test
    void badInputGetsAClearErrorNeverA500() throws Exception {
        ApiClient client = server.client();
        ApiClient.Response notJson = client.send("POST", "/api/register/options", "{name: ".getBytes());
        assertEquals(400, notJson.status());
        assertEquals("malformed_json", notJson.error());
        assertEquals("invalid_name", client.post("/api/register/options", Json.object().put("name", 5)).error());
        assertEquals("invalid_name", client.post("/api/register/options", Json.object().put("name", "")).error());
        assertEquals("invalid_name", client.post("/api/register/options",
                Json.object().put("name", "x".repeat(65))).error());
        assertEquals(400, client.send("POST", "/api/register/options", "[1,2]".getBytes()).status());
        ApiClient.Response huge = client.post("/api/signin/verify", Json.object().put("id", "x".repeat(70_000)));
        assertEquals(413, huge.status());
        assertEquals("too_large", huge.error());
        for (String body : new String[] {"{}", "{\"response\": 5}", "{\"response\": {\"clientDataJSON\": \"!!\"}}",
            "{\"id\": \"AA\", \"response\": {\"clientDataJSON\": \"e30\"}}"}) {
            ApiClient.Response bad = client.send("POST", "/api/signin/verify", body.getBytes());
            assertEquals(400, bad.status(), body + " -> " + bad.text());
            assertTrue(bad.json().has("message"));
        }
        ApiClient.Response wrongShape = client.send("POST", "/api/register/verify",
                ("{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\""
                + Base64Url.encode("{\"challenge\":\"AAAA\"}".getBytes()) + "\",\"attestationObject\":\"AA\"}}")
                        .getBytes());
        assertEquals(400, wrongShape.status(), wrongShape.text());
    }
}
