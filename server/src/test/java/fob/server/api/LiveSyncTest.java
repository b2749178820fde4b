package fob.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.session.Sessions;
import fob.server.testing.Accounts;
import fob.server.testing.ApiClient;
import fob.server.testing.Envelopes;
import fob.server.testing.EventStream;
import fob.server.testing.TestServer;
import fob.server.live.LiveSync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/events on one server: who may open it, and what it says. */
class LiveSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aSignedOutPageGetsA401NotAStream() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE)) {
            ApiClient.Response refused = server.client().get("/api/events", "Accept", "text/event-stream");
            assertEquals(401, refused.status());
            assertEquals("not_signed_in", refused.error());
        }
    }

    @Test
    void aStreamHearsItsOwnAccountsChangesAndNoOneElses() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE)) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            Accounts.Signed bob = Accounts.create(server, "Bob");
            ApiClient annsOtherDevice = server.client();
            assertEquals(200, Accounts.signIn(annsOtherDevice, ann.authenticator()).status());
            try (EventStream stream = ann.client().events("/api/events")) {
                assertEquals(200, stream.status());
                assertEquals("ready", stream.next(WAIT).name(), "the page pulls what it missed on this");

                assertEquals(201, bob.client().put("/api/backup", Envelopes.ofSize(1000), "If-None-Match", "*")
                        .status());
                ApiClient.Response written = annsOtherDevice.put("/api/backup", Envelopes.ofSize(1000),
                        "If-None-Match", "*");
                assertEquals(201, written.status());
                EventStream.Event event = stream.next(WAIT);
                assertEquals("backup", event.name());
                assertEquals("{\"version\":1}", event.data(), "Ann's first version; Bob's write said nothing here");

                assertEquals(200, annsOtherDevice.put("/api/backup", Envelopes.ofSize(1000), "If-Match",
                        written.header("ETag")).status());
                assertEquals("{\"version\":2}", stream.next(WAIT).data());

                ApiClient.Response deleted = ann.client().delete("/api/backup");
                assertEquals(204, deleted.status());
                assertEquals("{\"version\":null}", stream.next(WAIT).data(), "a deletion is a change too");
            }
        }
    }

    @Test
    void aStreamEndsAtOnceWhenItsSessionEnds() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE)) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            ApiClient phone = server.client();
            assertEquals(200, Accounts.signIn(phone, ann.authenticator()).status());
            try (EventStream laptopStream = ann.client().events("/api/events");
                    EventStream phoneStream = phone.events("/api/events")) {
                assertEquals("ready", laptopStream.next(WAIT).name());
                assertEquals("ready", phoneStream.next(WAIT).name());

                assertEquals(200, ann.client().send("DELETE", "/api/sessions", null).status(),
                        "\"Sign out everywhere else\" on the laptop");
                assertTrue(phoneStream.endsWithin(WAIT), "the phone's stream ended with its session");
                assertTrue(!laptopStream.endsWithin(Duration.ofMillis(300)), "the laptop's did not");

                assertEquals(204, ann.client().post("/api/signout", "{}").status());
                assertTrue(laptopStream.endsWithin(WAIT), "and signing out ends the laptop's");
            }
        }
    }

    @Test
    void aStreamWhoseSessionExpiredEndsAtTheNextCheck() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE)) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            try (EventStream stream = ann.client().events("/api/events")) {
                assertEquals("ready", stream.next(WAIT).name());
                server.advance(Duration.ofMinutes(6));
                server.runLiveSyncChecks();
                assertTrue(!stream.endsWithin(Duration.ofMillis(300)), "a live session's stream stays open");

                server.advance(Sessions.IDLE);
                server.runLiveSyncChecks();
                assertTrue(stream.endsWithin(WAIT), "an idle session's stream ends, with no sign-out to announce it");
            }
        }
    }

    @Test
    void oneAccountHoldsAtMostThirtyTwoStreamsOnAServer() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Database.SQLITE)) {
            Accounts.Signed ann = Accounts.create(server, "Ann");
            List<EventStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < LiveSync.MAX_STREAMS_PER_ACCOUNT; i++) {
                    EventStream stream = ann.client().events("/api/events");
                    assertEquals("ready", stream.next(WAIT).name());
                    streams.add(stream);
                }
                ApiClient.Response refused = ann.client().get("/api/events", "Accept", "text/event-stream");
                assertEquals(429, refused.status());
                assertEquals("too_many_streams", refused.error());
                Accounts.Signed bob = Accounts.create(server, "Bob");
                try (EventStream bobs = bob.client().events("/api/events")) {
                    assertEquals("ready", bobs.next(WAIT).name(), "the bound is per account");
                }
            } finally {
                streams.forEach(EventStream::close);
            }
        }
    }

    @Test
    void stoppingTheServerEndsItsStreamsAtOnce() throws Exception {
        TestServer server = TestServer.start(TestServer.Database.SQLITE);
        Accounts.Signed ann = Accounts.create(server, "Ann");
        try (EventStream stream = ann.client().events("/api/events")) {
            assertEquals("ready", stream.next(WAIT).name());
            long started = System.nanoTime();
            server.close();
            assertTrue(stream.endsWithin(WAIT), "the stream ended");
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMillis < 5_000, "and the stop did not wait for it: " + tookMillis + " ms");
        }
    }
}
