package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.TestServer;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Prometheus metrics on a port of their own: what they count, and what they never hold. */
class MetricsTest {
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void requestsEventsAndBackupBytesAreCountedOnTheMetricsPortOnly() throws Exception {
        int metricsPort = freePort();
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE, "--metrics-port=" + metricsPort)) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            assertEquals(200, Accounts.signIn(ann.client(), ann.authenticator()).status());
            byte[] backup = Envelopes.ofSize(3000);
            assertEquals(201, ann.client().put("/api/backup", backup, "If-None-Match", "*").status());
            assertFalse(server.client().get("/api/session").signedIn());
            assertEquals(401, server.client().get("/api/backup").status());
            String sessionId = ann.client().get("/api/session").json().path("session").path("id").asString();

            ApiClient.Response scraped = new ApiClient("http://127.0.0.1:" + metricsPort).get("/metrics");
            assertEquals(200, scraped.status());
            String text = scraped.text();
            assertTrue(text.contains("fob_http_requests_seconds_count{method=\"POST\",route=\"/api/signin/verify\","
                    + "status=\"200\"} 1"), text);
            assertTrue(text.contains("fob_http_requests_seconds_count{method=\"GET\",route=\"/api/backup\","
                    + "status=\"401\"} 1"), "failures by status");
            assertTrue(text.contains("fob_events_total{kind=\"sign_in\"} 1"), "sign-ins");
            assertTrue(text.contains("fob_events_total{kind=\"account_created\"} 1"));
            assertTrue(text.contains("fob_events_total{kind=\"backup_written\"} 1"));
            assertTrue(text.contains("fob_backup_written_bytes_sum " + backup.length), "backup bytes");
            assertTrue(text.contains("jvm_memory_used_bytes"), "and the JVM");
            assertFalse(text.contains(ann.accountId()) || text.contains(sessionId) || text.contains("127.0.0.1"),
                    "no account, session or address reaches a metric");

            assertEquals(404, server.client().get("/metrics").status(), "not on the public port");
        }
    }
}
