package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestServer;
import fob.server.web.Base64Url;
import fob.server.web.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Details that need a server of their own: rate limits, https cookies, and what reaches the disk. */
class SessionAndLimitsTest {
    @Test
    void signInAttemptsAreRateLimitedPerAddressWithRetryAfter() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=5")) {
            ApiClient client = server.client();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, client.post("/api/signin/options", Json.object()).status());
            }
            ApiClient.Response limited = client.post("/api/signin/options", Json.object());
            assertEquals(429, limited.status());
            assertEquals("rate_limited", limited.error());
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(429, client.post("/api/register/options", Json.object().put("name", "x")).status(),
                    "registration shares the limit");
            assertEquals(200, client.get("/healthz").status(), "other requests are not limited");
            server.advance(java.time.Duration.ofSeconds(retryAfter));
            assertEquals(200, client.post("/api/signin/options", Json.object()).status(), "and it refills");
        }
    }

    @Test
    void signInsArePerAccountLimitedOnlyOnceTheSignatureVerifies() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=1000")) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            // Someone who knows Ann's credential id but not her key: every attempt fails its signature check,
            // and none of them spends Ann's sign-ins.
            SoftwareAuthenticator.Credential real = ann.authenticator().credentials().get(0);
            SoftwareAuthenticator forger = new SoftwareAuthenticator(server.origin());
            ApiClient mallory = server.client();
            forger.create(mallory.post("/api/register/options", Json.object().put("name", "Mallory")).json());
            SoftwareAuthenticator.Credential impostor = real.forgedWith(forger.credentials().get(0));
            for (int i = 0; i < 12; i++) {
                ObjectNode options = mallory.post("/api/signin/options", Json.object()).json();
                ApiClient.Response forgery = mallory.post("/api/signin/verify", forger.get(options, impostor));
                assertEquals(401, forgery.status(), forgery.text());
                assertEquals("bad_signature", forgery.error());
            }
            int accepted = 0;
            ApiClient.Response last = null;
            for (int i = 0; i < 12; i++) {
                last = Accounts.signIn(server.client(), ann.authenticator());
                if (last.status() == 200) {
                    accepted++;
                }
            }
            assertEquals(10, accepted, "Ann still has all her sign-ins");
            assertEquals(429, last.status());
            assertEquals("rate_limited", last.error());
        }
    }

    @Test
    void rateLimitZeroTurnsOffEveryRateLimit() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=0")) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            for (int i = 0; i < 40; i++) {
                ApiClient.Response signedIn = Accounts.signIn(server.client(), ann.authenticator());
                assertEquals(200, signedIn.status(), "sign-in " + i + ": " + signedIn.text());
            }
        }
    }

    @Test
    void underHttpsTheCookieIsSecureWithTheHostPrefix() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=0",
                "--origin=https://fob.example")) {
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator("https://fob.example");
            ApiClient client = server.client();
            ApiClient.Response asked = client.post("/api/register/options", Json.object().put("name", "Ann"));
            ObjectNode options = asked.json();
            assertEquals("fob.example", options.path("rp").path("id").asString());
            String ceremony = asked.header("Set-Cookie");
            assertTrue(ceremony.startsWith("__Host-fob_ceremony="), ceremony);
            assertTrue(ceremony.contains("; Secure") && ceremony.contains("; HttpOnly") && !ceremony.contains("Domain"),
                    ceremony);
            // This client talks plain http to the test server, so it would not send a Secure cookie back itself.
            ApiClient.Response created = client.send("POST", "/api/register/verify",
                    authenticator.create(options).toString().getBytes(StandardCharsets.UTF_8), "Cookie",
                    ceremony.substring(0, ceremony.indexOf(';')));
            assertEquals(201, created.status(), created.text());
            String cookie = created.header("Set-Cookie");
            assertTrue(cookie.startsWith("__Host-fob_session="), cookie);
            assertTrue(cookie.contains("; Secure") && cookie.contains("; Path=/") && !cookie.contains("Domain"), cookie);
            assertTrue(created.header("Strict-Transport-Security").startsWith("max-age="));
        }
    }

    private static String token(ApiClient.Response response) {
        String cookie = response.header("Set-Cookie");
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    @Test
    void prfOutputsAndSessionTokensNeverReachTheDisk() throws Exception {
        byte[] prfOutput = "PRF-OUTPUT-THAT-MUST-STAY-SECRET".getBytes(StandardCharsets.US_ASCII);
        Path dataDir;
        String token;
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=0")) {
            dataDir = server.dataDir();
            SoftwareAuthenticator careless = new SoftwareAuthenticator(server.origin());
            ObjectNode extensions = Json.object();
            extensions.putObject("prf").put("enabled", true).putObject("results")
                    .put("first", Base64Url.encode(prfOutput));
            careless.extraClientExtensionResults = extensions;
            ApiClient client = server.client();
            ApiClient.Response created = Accounts.register(client, careless, "Ann");
            assertEquals(201, created.status());
            ApiClient.Response signedIn = Accounts.signIn(client, careless);
            assertEquals(200, signedIn.status());
            // The sign-in ended the registration's session: the token to look for is the live one.
            token = token(signedIn);
            ApiClient.Response live = server.client().get("/api/session", "Cookie", "fob_session=" + token);
            assertTrue(live.signedIn(), "the token checked below is the one in use");
            assertFalse(server.client().get("/api/session", "Cookie", "fob_session=" + token(created))
                    .signedIn(), "and the registration's token was ended by the sign-in");
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(new String(prfOutput, StandardCharsets.ISO_8859_1)), file.toString());
                assertFalse(content.contains(Base64Url.encode(prfOutput)), file.toString());
                assertFalse(content.contains(token), "the session token is stored only hashed: " + file);
                assertFalse(content.contains(new String(Base64Url.decode(token), StandardCharsets.ISO_8859_1)),
                        file.toString());
            }
        }
    }

    @Test
    void aStoredSessionHashSentAsACookieIsRefused() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=0")) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            assertTrue(ann.client().get("/api/session").signedIn());
            List<byte[]> hashes = new ArrayList<>();
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("fob.db"));
                    ResultSet rows = db.createStatement().executeQuery("SELECT token_hash FROM sessions")) {
                while (rows.next()) {
                    hashes.add(rows.getBytes(1));
                }
            }
            assertEquals(1, hashes.size(), "a database thief finds exactly this session's hash");
            assertEquals(32, hashes.get(0).length);
            ApiClient thief = server.client();
            ApiClient.Response refused = thief.get("/api/session", "Cookie",
                    "fob_session=" + Base64Url.encode(hashes.get(0)));
            assertFalse(refused.signedIn());
            assertEquals(401, thief.get("/api/backup", "Cookie", "fob_session=" + Base64Url.encode(hashes.get(0)))
                    .status());
        }
    }
}
