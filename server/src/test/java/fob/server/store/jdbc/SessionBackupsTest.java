package fob.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.store.Account;
import fob.server.store.ActivityEvent;
import fob.server.store.BackupQuota;
import fob.server.store.Passkey;
import fob.server.store.Session;
import fob.server.store.SessionBackups.SessionBackup;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-query read behind GET /api/backup gives what the two reads it replaces gave: the session the token
 * names, and that session's own account's current backup (never another account's, never an earlier version).
 */
class SessionBackupsTest {
    private static final BackupQuota NO_QUOTA = new BackupQuota(Long.MAX_VALUE, BackupQuota.UNLIMITED);
    private static final LongFunction<ActivityEvent> EVENT = version -> new ActivityEvent(1, "k", "a", "d");

    private static Session signIn(Store store, int n) {
        String account = "account-" + n;
        store.accounts().createAccount(new Account(account, "Reader " + n, new byte[] {(byte) n}, 1),
                new Passkey(new byte[] {(byte) n, 1}, account, new byte[] {1}, 0, true, false, false, "", 1, null));
        Session session = new Session("session-" + n, new byte[] {(byte) n, 2, 3}, account, new byte[] {(byte) n, 1},
                "Firefox on Linux", 10 + n, 20 + n, 30 + n);
        store.sessionTokens().createSession(session);
        return session;
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static SessionBackup read(Store store, Session session) {
        Optional<SessionBackup> found = store.sessionBackups().findSessionWithBackup(session.tokenHash());
        assertTrue(found.isPresent(), "the session " + session.id() + " is found");
        return found.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theSessionComesWithItsOwnAccountsCurrentBackupOnly(String database) throws Exception {
        try (Store store = TestStores.open(database)) {
            Session ann = signIn(store, 1);
            Session bob = signIn(store, 2);

            SessionBackup before = read(store, ann);
            assertEquals(ann.id(), before.session().id());
            assertEquals(ann.accountId(), before.session().accountId());
            assertEquals(31, before.session().authenticatedAt());
            assertEquals(21, before.session().lastSeenAt());
            assertEquals(11, before.session().createdAt());
            assertArrayEquals(ann.credentialId(), before.session().credentialId());
            assertEquals(Optional.empty(), before.backup(), "no backup yet");

            long first = store.backups().writeBackup(ann.accountId(), null, body("ann 1"), 10, 0, NO_QUOTA, 100,
                    EVENT);
            long second = store.backups().writeBackup(ann.accountId(), first, body("ann 2"), 10, 0, NO_QUOTA, 200,
                    EVENT);
            // Bob's versions have the same numbers as Ann's: only the account decides which one is hers.
            long bobsFirst = store.backups().writeBackup(bob.accountId(), null, body("bob 1"), 10, 0, NO_QUOTA, 300,
                    EVENT);
            store.backups().writeBackup(bob.accountId(), bobsFirst, body("bob 2"), 10, 0, NO_QUOTA, 400, EVENT);

            SessionBackup annsNow = read(store, ann);
            assertEquals(second, annsNow.backup().orElseThrow().version(), "the current version, not the first");
            assertArrayEquals(body("ann 2"), annsNow.backup().orElseThrow().body());
            assertEquals(200, annsNow.backup().orElseThrow().createdAt(), "the version's time, not the session's");
            assertArrayEquals(body("bob 2"), read(store, bob).backup().orElseThrow().body());

            store.backups().deleteBackup(ann.accountId());
            assertEquals(Optional.empty(), read(store, ann).backup(), "deleted with its history");
            assertArrayEquals(body("bob 2"), read(store, bob).backup().orElseThrow().body());

            assertEquals(Optional.empty(), store.sessionBackups().findSessionWithBackup(new byte[] {9, 9, 9}),
                    "no session for an unknown token");
            store.sessionTokens().deleteSession(bob.tokenHash());
            assertEquals(Optional.empty(), store.sessionBackups().findSessionWithBackup(bob.tokenHash()),
                    "none for a deleted session, though its account has a backup");
        }
    }
}
