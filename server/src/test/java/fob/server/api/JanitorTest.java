package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the janitor deletes: activity older than --activity-days, and rate-limit buckets that are full again. */
class JanitorTest {
    private static List<String> kinds(ApiClient client) throws Exception {
        List<String> kinds = new ArrayList<>();
        for (JsonNode event : client.get("/api/activity").json().path("events")) {
            kinds.add(event.path("kind").asString());
        }
        return kinds;
    }

    private static int rateLimitRows(TestServer server) throws Exception {
        try (Connection db = server.database();
                ResultSet rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM rate_limits")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void activityOlderThanItsDaysGoesAndNewerStays() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--activity-days=2")) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            server.advance(Duration.ofDays(1));
            ApiClient client = ann.client();
            assertEquals(200, Accounts.signIn(client, ann.authenticator()).status());
            server.advance(Duration.ofHours(36));
            server.runJanitor();
            assertEquals(List.of("sign_in"), kinds(client), "the creation, 2.5 days old, went; the sign-in stays");
            server.advance(Duration.ofHours(13));
            server.runJanitor();
            assertEquals(List.of(), kinds(client));
        }
    }

    @Test
    void aClientAddressIsKeptByTheLimitsOnlyWhileItIsBeingLimited() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--rate-limit=30")) {
            Accounts.create(server, "Ann");
            server.runJanitor();
            assertEquals(3, rateLimitRows(server), "the address's bucket, its new-account quota, and the server's"
                    + " (signups:all, which holds no address)");
            server.advance(Duration.ofSeconds(5));
            server.runJanitor();
            assertEquals(2, rateLimitRows(server), "two requests at 30 a minute: full again after 4 s");
            server.advance(Duration.ofMinutes(1));
            server.runJanitor();
            assertEquals(1, rateLimitRows(server), "one new account at 100 an hour: the server's full after 36 s");
            server.advance(Duration.ofHours(1));
            server.runJanitor();
            assertEquals(0, rateLimitRows(server), "and the hour's quota after an hour");
        }
    }
}
