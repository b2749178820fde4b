package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the server's answers mean (docs/api.md): each status and error code as the one failure it is, in the page's
 * words, over a transport that answers as the server would.
 */
class ServerApiTest {
    /** Answers each request with the next canned answer, and keeps what was asked. */
    private static final class Answers implements HttpTransport {
        final ArrayDeque<Response> next = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();
        boolean offline;

        Answers then(int status, String etag, String retryAfter, String body) {
            next.add(new Response(status, etag, retryAfter, body));
            return this;
        }

        @Override
        public Response send(String method, String path, String body, String precondition, String value)
                throws ServerFailure {
            asked.add(method + " " + path + (precondition == null ? "" : " " + precondition + ": " + value));
            if (offline) {
                throw ServerFailure.offline();
            }
            return next.poll();
        }
    }

    private final Answers answers = new Answers();
    private final ServerApi api = new ServerApi(answers);

    private static String error(String code, String message) {
        return "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}";
    }

    @Test
    void anEndedSessionIsSignedOutWithWordsToSignInAgain() {
        answers.then(401, null, null, error("not_signed_in", "Sign in first"));
        ServerFailure failure = assertThrows(ServerFailure.class, () -> api.get(null));
        assertEquals(ServerFailure.Kind.SIGNED_OUT, failure.kind());
        assertEquals("You are signed out of your recovery account. Sign in with your passkey again.",
                failure.getMessage());
        assertEquals(failure.getMessage(), ServerFailure.signedOut().getMessage(), "one failure, one set of words");
    }

    @Test
    void whoIsSignedIn() throws Exception {
        answers.then(200, null, null, "{\"signedIn\":true,\"account\":{\"id\":\"a1\",\"name\":\"Ann\"}}")
                .then(200, null, null, "{\"signedIn\":false}")
                .then(401, null, null, error("not_signed_in", "x"));
        assertEquals("Ann", api.session().name);
        assertNull(api.session());
        assertNull(api.session(), "a server from before signed-out became a 200");
    }

    @Test
    void aBackupTooLargeSaysTheLimitAndAQuotaIsARefusalNotAFailure() {
        answers.then(413, null, null, "{\"error\":\"too_large\",\"message\":\"x\",\"limit\":8388608}")
                .then(507, null, null, error("account_storage_full", "Quota"))
                .then(502, null, null, "<html>Bad gateway</html>");
        ServerFailure tooLarge = assertThrows(ServerFailure.class, () -> api.put("{}", "\"1\""));
        assertEquals(ServerFailure.Kind.TOO_LARGE, tooLarge.kind());
        assertEquals(8_388_608, tooLarge.limit());
        ServerFailure quota = assertThrows(ServerFailure.class, () -> api.put("{}", "\"1\""));
        assertEquals(ServerFailure.Kind.REFUSED, quota.kind(), "trying again changes nothing until room is made");
        assertTrue(quota.getMessage().startsWith("This backup is larger than this server keeps"), quota.getMessage());
        ServerFailure failed = assertThrows(ServerFailure.class, () -> api.put("{}", "\"1\""));
        assertEquals(ServerFailure.Kind.FAILED, failed.kind());
        assertEquals("http_502", failed.code());
        assertEquals("The server failed (HTTP 502)", failed.getMessage());
        assertTrue(failed.mayHaveBeenTaken() && !quota.mayHaveBeenTaken());
    }

    @Test
    void writesNameTheVersionTheyReplaceAndA412IsAConflict() throws Exception {
        answers.then(201, "\"1\"", null, "{}").then(412, null, null, "").then(200, "\"3\"", null, "{}")
                .then(412, null, null, "");
        assertEquals("\"1\"", api.put("{}", null));
        assertThrows(Conflict.class, () -> api.put("{}", "\"1\""));
        assertEquals("\"3\"", api.rotate("{}", "\"2\""));
        assertThrows(Conflict.class, () -> api.rotate("{}", "\"2\""));
        assertEquals(List.of("PUT /api/backup If-None-Match: *", "PUT /api/backup If-Match: \"1\"",
                "POST /api/backup/rotation If-Match: \"2\"", "POST /api/backup/rotation If-Match: \"2\""),
                answers.asked);
    }

    @Test
    void aReadIsTheBackupNothingOrStillTheSame() throws Exception {
        answers.then(200, "\"4\"", null, "{\"fob\":5}").then(304, null, null, "").then(404, null, null,
                error("no_backup", "none"));
        assertEquals("{\"fob\":5}", api.get(null).body);
        BackupServer.Stored same = api.get("\"4\"");
        assertEquals("\"4\"", same.etag);
        assertNull(same.body, "still the one named");
        assertNull(api.get(null), "no backup");
        assertEquals("GET /api/backup If-None-Match: \"4\"", answers.asked.get(1));
    }

    @Test
    void aRateLimitSaysHowLongToWait() {
        answers.then(429, null, "120", error("rate_limited", "Too many")).then(429, null, "30",
                error("rate_limited", "Too many")).then(429, null, null, error("rate_limited", "Too many"));
        assertEquals("Too many attempts; try again in 2 minutes.",
                assertThrows(ServerFailure.class, api::signInOptions).getMessage());
        assertEquals("Too many attempts; try again in 30 seconds.",
                assertThrows(ServerFailure.class, api::signInOptions).getMessage());
        assertEquals("Too many attempts; try again in a while.",
                assertThrows(ServerFailure.class, api::signInOptions).getMessage());
    }

    @Test
    void aCodeThePageDoesNotKnowKeepsTheServersMessage() {
        answers.then(400, null, null, error("invalid_envelope", "The envelope is not version 5"));
        ServerFailure refused = assertThrows(ServerFailure.class, () -> api.put("{}", null));
        assertEquals(ServerFailure.Kind.REFUSED, refused.kind());
        assertEquals("invalid_envelope", refused.code());
        assertEquals("The envelope is not version 5", refused.getMessage());
    }

    @Test
    void anAnswerThatIsNotJsonIsSaidSo() {
        answers.then(200, null, null, "<html>");
        ServerFailure odd = assertThrows(ServerFailure.class, api::passkeys);
        assertEquals("bad_response", odd.code());
        assertEquals("The server answered something Fob does not understand (HTTP 200)", odd.getMessage());
    }

    @Test
    void noAnswerIsOffline() {
        answers.offline = true;
        ServerFailure offline = assertThrows(ServerFailure.class, api::deleteAccount);
        assertEquals(ServerFailure.Kind.OFFLINE, offline.kind());
        assertEquals("Fob's server cannot be reached; check the connection", offline.getMessage());
    }

    @Test
    void listsAreReadWithTheirDefaults() throws Exception {
        answers.then(200, null, null, "{\"versions\":[{\"version\":3,\"size\":2048,\"createdAt\":5,\"current\":true}]}")
                .then(200, null, null, "{\"passkeys\":[{\"id\":\"p1\",\"createdAt\":7}]}")
                .then(200, null, null, "{\"sessions\":[{\"id\":\"s1\",\"device\":\"Phone\",\"current\":true}]}")
                .then(200, null, null, "{\"events\":[{\"at\":9,\"kind\":\"sign_in\",\"address\":\"10.0.0.1\"}]}")
                .then(200, null, null, "{\"ended\":2}");
        BackupVersion version = api.versions().get(0);
        assertEquals("Version 3, day 5, 2 KB (current)", version.describe(at -> "day " + at));
        assertEquals("Passkey added day 7, never used to sign in",
                api.passkeys().get(0).describe(at -> "day " + at));
        SecurityApi security = new SecurityApi(api);
        assertEquals("Phone (this device), last seen day 0", security.devices().get(0).describe(at -> "day " + at));
        assertEquals("day 9: Signed in (from 10.0.0.1)", security.activity().get(0).describe(at -> "day " + at));
        assertEquals(2, api.endOtherSessions());
        assertEquals("DELETE /api/sessions", answers.asked.get(4));
    }
}
