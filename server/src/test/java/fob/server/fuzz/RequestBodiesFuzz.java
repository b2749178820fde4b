package fob.server.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fob.fuzz.Edits;
import fob.fuzz.FuzzStats;
import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.SoftwareAuthenticator;
import fob.server.testing.TestServer;
import fob.server.web.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request body the server takes, through the real server (in this JVM, on SQLite): edits of what a
 * browser really sends, on fresh challenges. Whatever arrives, the answer is a deliberate one: never a 5xx,
 * and an error always as Fob's JSON error, never a stack trace.
 */
@ExtendWith(FuzzStats.class)
class RequestBodiesFuzz {
    private static TestServer server;
    private static Accounts.Signed signed;

    private static void start() throws Exception {
        server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=0", "--accounts-per-hour=0",
                "--signups-per-hour=0");
        signed = Accounts.create(server, "Fuzzed");
    }

    @FuzzTest
    void everyAnswerIsDeliberate(FuzzedDataProvider data) throws Exception {
        if (server == null) {
            start();
        }
        ApiClient client = signed.client();
        SoftwareAuthenticator authenticator = signed.authenticator();
        String path;
        String body;
        String[] headers = {};
        switch (data.consumeInt(0, 5)) {
            case 0 -> {
                path = "/api/register/verify";
                ApiClient fresh = server.client();
                ObjectNode options = fresh.post("/api/register/options", Json.object().put("name", "x")).json();
                body = Edits.apply(new SoftwareAuthenticator(server.origin()).create(options).toString(), data);
                client = fresh;
            }
            case 1 -> {
                path = "/api/signin/verify";
                ObjectNode options = client.post("/api/signin/options", Json.object()).json();
                body = Edits.apply(authenticator.get(options).toString(), data);
            }
            case 2 -> {
                path = "/api/passkeys";
                ObjectNode options = client.post("/api/passkeys/options", Json.object()).json();
                body = Edits.apply(new SoftwareAuthenticator(server.origin()).create(options).toString(), data);
            }
            case 3 -> {
                path = "/api/backup";
                body = Edits.apply(new String(Envelopes.ofSize(1024), StandardCharsets.UTF_8), data);
                headers = new String[] {"If-None-Match", "*"};
            }
            case 4 -> {
                path = "/api/register/options";
                body = Edits.apply("{\"name\": \"Ann's recovery\"}", data);
                client = server.client();
            }
            default -> {
                path = data.consumeBoolean() ? "/api/signin/options" : "/api/passkeys/options";
                body = data.consumeRemainingAsString();
            }
        }
        FuzzStats.record("RequestBodiesFuzz", path + "\n" + body);
        ApiClient.Response response = client.send(path.equals("/api/backup") ? "PUT" : "POST", path,
                body.getBytes(StandardCharsets.UTF_8), headers);
        FuzzStats.outcome(path + " " + (response.status() < 400 ? Integer.toString(response.status())
                : response.error()));
        if (response.status() >= 500) {
            throw new AssertionError(response.status() + " for " + path + ": " + response.text() + "\nbody: " + body);
        }
        if (response.status() >= 400 && (response.error() == null || response.text().contains("Exception"))) {
            throw new AssertionError("not a Fob error for " + path + ": " + response.text());
        }
    }
}
