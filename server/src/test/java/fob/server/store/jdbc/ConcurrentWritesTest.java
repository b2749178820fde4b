package fob.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.store.Account;
import fob.server.store.ActivityEvent;
import fob.server.store.BackupQuota;
import fob.server.store.Passkey;
import fob.server.store.PreconditionFailedException;
import fob.server.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/**
 * Many writers at once, through the store itself: SQLite's shared commits (GroupCommit) and PostgreSQL's row
 * locks must give the same answers one writer at a time would.
 */
class ConcurrentWritesTest {
    private static final int THREADS = 16;

    private static String newAccount(Store store, int n) {
        String id = "account-" + n;
        store.accounts().createAccount(new Account(id, "Writer " + n, new byte[] {(byte) n}, 1),
                new Passkey(new byte[] {(byte) n, 1}, id, new byte[] {1}, 0, true, false, false, "", 1, null));
        return id;
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static final BackupQuota NO_QUOTA = new BackupQuota(Long.MAX_VALUE, BackupQuota.UNLIMITED);

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyAcknowledgedWriteOfEveryAccountIsThere(String database) throws Exception {
        try (Store store = TestStores.open(database)) {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String account = newAccount(store, t);
                writers.add(() -> {
                    Long expected = null;
                    for (int i = 0; i < 40; i++) {
                        expected = store.backups().writeBackup(account, expected, body(account + " write " + i), 100, 0,
                                NO_QUOTA, 2,
                                version -> new ActivityEvent(2, "backup_written", "127.0.0.1", "v" + version));
                    }
                    return expected.intValue();
                });
            }
            assertEquals(List.of(), inParallel(writers).stream().filter(last -> last != 40).toList());
            for (int t = 0; t < THREADS; t++) {
                String account = "account-" + t;
                assertEquals(40, store.backups().backupVersions(account).size());
                for (int i = 0; i < 40; i++) {
                    assertArrayEquals(body(account + " write " + i),
                            store.backups().backupVersion(account, i + 1).orElseThrow().body());
                }
                assertEquals(40, store.activity().activity(account, 100).size(),
                        "one event per write, in its transaction");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void writersRacingForOneBackupNeverOverwriteEachOther(String database) throws Exception {
        try (Store store = TestStores.open(database)) {
            String account = newAccount(store, 99);
            store.backups().writeBackup(account, null, body("first"), 1000, 0, NO_QUOTA, 1,
                    v -> new ActivityEvent(1, "k", "a", "d"));
            AtomicInteger refused = new AtomicInteger();
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int writer = t;
                writers.add(() -> {
                    int won = 0;
                    for (int i = 0; i < 20; i++) {
                        long current = store.backups().currentBackup(account).orElseThrow().version();
                        try {
                            store.backups().writeBackup(account, current, body(writer + ":" + i), 1000, 0, NO_QUOTA, 2,
                                    v -> new ActivityEvent(2, "k", "a", "d"));
                            won++;
                        } catch (PreconditionFailedException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return won;
                });
            }
            int won = inParallel(writers).stream().mapToInt(Integer::intValue).sum();
            assertEquals(THREADS * 20, won + refused.get());
            assertTrue(won > 0);
            // Each winner replaced exactly the version it had read: one version per win, no gaps, none lost.
            assertEquals(won + 1, store.backups().currentBackup(account).orElseThrow().version());
            assertEquals(won + 1, store.backups().backupVersions(account).size());
        }
    }

    @Test
    void aWriteThatFailsInASharedCommitFailsAloneAndTheOthersCommit() throws Exception {
        Path file = Files.createTempDirectory("fob-group").resolve("t.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        try (var connection = source.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)");
        }
        try (GroupCommit commits = new GroupCommit(source)) {
            List<Callable<String>> writes = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                int value = n;
                writes.add(() -> {
                    try {
                        commits.run(connection -> {
                            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
                                insert.setInt(1, value);
                                insert.executeUpdate();
                            }
                            if (value % 3 == 0) {
                                throw new PreconditionFailedException("refused " + value);
                            }
                            return null;
                        });
                        return "ok";
                    } catch (PreconditionFailedException e) {
                        return e.getMessage();
                    }
                });
            }
            List<String> outcomes = inParallel(writes.subList(0, 100));
            outcomes.addAll(inParallel(writes.subList(100, 200)));
            for (int n = 0; n < 200; n++) {
                assertEquals(n % 3 == 0 ? "refused " + n : "ok", outcomes.get(n));
            }
            int rows = commits.run(connection -> {
                try (ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t WHERE n % 3 = 0")) {
                    return count.getInt(1);
                }
            });
            assertEquals(0, rows, "a refused write left nothing behind");
            assertEquals(200 - 67, (int) commits.run(connection -> {
                try (ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                    return count.getInt(1);
                }
            }));
        }
        GroupCommit closed = new GroupCommit(source);
        closed.close();
        assertThrows(StoreException.class, () -> closed.run(connection -> null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void ofSignInsRacingFromOneCounterExactlyOneIsRecorded(String database) throws Exception {
        try (Store store = TestStores.open(database)) {
            newAccount(store, 42);
            byte[] credential = {42, 1};
            List<Callable<Boolean>> signIns = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                signIns.add(() -> store.passkeys().recordPasskeyUse(credential, 0, 7, true, 5));
            }
            assertEquals(1, inParallel(signIns).stream().filter(recorded -> recorded).count());
            assertEquals(7, store.passkeys().findPasskey(credential).orElseThrow().signCount());
            assertEquals(false, store.passkeys().recordPasskeyUse(credential, 0, 8, true, 6),
                    "a stale counter is refused");
            assertEquals(7, store.passkeys().findPasskey(credential).orElseThrow().signCount(), "and changes nothing");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyServerTakesFromTheSameBucket(String database) throws Exception {
        try (Store store = TestStores.open(database)) {
            List<Callable<Long>> takers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                takers.add(() -> store.rateLimits().takeToken("address:192.0.2.1", 5, 5 / 60_000.0, 1_000));
            }
            assertEquals(5, inParallel(takers).stream().filter(wait -> wait == 0).count(),
                    "a burst of five, however many ask at once");
            long wait = store.rateLimits().takeToken("address:192.0.2.1", 5, 5 / 60_000.0, 1_000);
            assertTrue(wait >= 12_000 && wait <= 12_001, "the next token comes in 12 s: " + wait);
            assertEquals(0, store.rateLimits().takeToken("address:192.0.2.1", 5, 5 / 60_000.0, 13_001));
            assertEquals(0, store.expiry().purgeExpired(0, 0, 61_000), "not full again yet: kept");
            assertEquals(1, store.expiry().purgeExpired(0, 0, 74_000), "full again: it says nothing, and goes");
        }
    }
}
