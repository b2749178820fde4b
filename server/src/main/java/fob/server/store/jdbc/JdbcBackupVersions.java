package fob.server.store.jdbc;

import static fob.server.store.jdbc.Sql.first;
import static fob.server.store.jdbc.Sql.query;
import static fob.server.store.jdbc.Sql.update;

import fob.server.store.ActivityEvent;
import fob.server.store.BackupQuota;
import fob.server.store.BackupSummary;
import fob.server.store.BackupVersion;
import fob.server.store.BackupVersions;
import fob.server.store.PreconditionFailedException;
import fob.server.store.QuotaExceededException;
import fob.server.store.StorageUsage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The backup_versions table, the account's version counter and current version, and the running total of
 * their bytes (storage_usage), which every insert and deletion of a version keeps in its own transaction.
 */
final class JdbcBackupVersions implements BackupVersions, StorageUsage {
    private static final Sql.RowMapper<BackupVersion> BACKUP = row -> new BackupVersion(row.getLong("version"),
            row.getBytes("body"), row.getLong("created_at"));

    private final Database database;

    JdbcBackupVersions(Database database) {
        this.database = database;
    }

    @Override
    public Optional<BackupVersion> currentBackup(String accountId) {
        return database.read(connection -> first(query(connection, BACKUP, "SELECT v.version, v.body, v.created_at"
                + " FROM accounts a JOIN backup_versions v ON v.account_id = a.id AND v.version = a.current_version"
                + " WHERE a.id = ?", accountId)));
    }

    @Override
    public long writeBackup(String accountId, Long expectedVersion, byte[] body, int keep, int keepDays,
            BackupQuota quota, long now, LongFunction<ActivityEvent> event) throws PreconditionFailedException {
        return database.writeTransaction(connection -> {
            List<long[]> state = query(connection, row -> new long[] {row.getLong("backup_seq"),
                row.getLong("current_version"), row.wasNull() ? 1 : 0},
                    "SELECT backup_seq, current_version FROM accounts WHERE id = ?" + database.lockForUpdate(),
                    accountId);
            if (state.isEmpty()) {
                throw new PreconditionFailedException("the account no longer exists");
            }
            long sequence = state.get(0)[0];
            Long current = state.get(0)[2] == 1 ? null : state.get(0)[1];
            if (expectedVersion == null && current != null) {
                throw new PreconditionFailedException("a backup already exists");
            }
            if (expectedVersion != null && !expectedVersion.equals(current)) {
                throw new PreconditionFailedException(current == null ? "the backup was deleted"
                        : "another device wrote a newer backup");
            }
            long version = sequence + 1;
            List<long[]> earlier = query(connection, row -> new long[] {row.getLong(1), row.getLong(2),
                row.getLong(3)}, "SELECT version, created_at, size FROM backup_versions WHERE account_id = ?"
                    + " ORDER BY version DESC", accountId);
            List<long[]> dropped = Retention.dropped(earlier, version, keep, keepDays, now);
            long freed = dropped.stream().mapToLong(v -> v[2]).sum();
            checkQuota(connection, body.length, freed, quota);
            if (update(connection, "UPDATE accounts SET backup_seq = ?, current_version = ? WHERE id = ?"
                    + " AND backup_seq = ?", version, version, accountId, sequence) != 1) {
                throw new PreconditionFailedException("another device wrote a newer backup");
            }
            update(connection, "INSERT INTO backup_versions (account_id, version, body, created_at, size)"
                    + " VALUES (?, ?, ?, ?, ?)", accountId, version, body, now, body.length);
            for (long[] gone : dropped) {
                update(connection, "DELETE FROM backup_versions WHERE account_id = ? AND version = ?", accountId,
                        gone[0]);
            }
            // What stays: the new version first, then the earlier ones not dropped, newest first.
            List<long[]> kept = new ArrayList<>();
            kept.add(new long[] {version, now, body.length});
            for (long[] v : earlier) {
                if (!dropped.contains(v)) {
                    kept.add(v);
                }
            }
            for (long[] gone : Retention.overQuota(kept, quota.accountMaxBytes(), keepDays, now)) {
                update(connection, "DELETE FROM backup_versions WHERE account_id = ? AND version = ?", accountId,
                        gone[0]);
                freed += gone[2];
            }
            addStoredBytes(connection, body.length - freed);
            JdbcActivity.insert(connection, accountId, event.apply(version));
            return version;
        });
    }

    /** {@code freed}: the bytes of the earlier versions this write lets go. */
    private void checkQuota(Connection connection, long size, long freed, BackupQuota quota)
            throws SQLException, QuotaExceededException {
        if (size > quota.accountMaxBytes()) {
            throw new QuotaExceededException(QuotaExceededException.Quota.ACCOUNT, quota.accountMaxBytes(),
                    "a backup of " + size + " bytes is more than the " + quota.accountMaxBytes() + " bytes an account"
                    + " may keep");
        }
        if (quota.storageMaxBytes() != BackupQuota.UNLIMITED) {
            // One row, kept by every write and deletion. Locking it (PostgreSQL; SQLite has one writer already)
            // makes the checks of writes in flight on several servers take turns, each seeing the others' bytes.
            long total = storedBytes(connection, database.lockForUpdate());
            if (total - freed + size > quota.storageMaxBytes()) {
                throw new QuotaExceededException(QuotaExceededException.Quota.STORAGE, quota.storageMaxBytes(),
                        "the server keeps at most " + quota.storageMaxBytes() + " bytes of backups, and is full");
            }
        }
    }

    /** The bytes of every backup version stored (storage_usage, kept with each insert and delete of a version). */
    private static long storedBytes(Connection connection, String lock) throws SQLException {
        return query(connection, row -> row.getLong(1), "SELECT total_bytes FROM storage_usage WHERE id = 1" + lock)
                .get(0);
    }

    /**
     * Adds {@code delta} bytes to the stored total, in the transaction that inserts or deletes them. Every caller
     * locks the account's row first, then this one, so that on PostgreSQL two writers never wait on each other
     * in a cycle.
     */
    private static void addStoredBytes(Connection connection, long delta) throws SQLException {
        if (delta != 0) {
            update(connection, "UPDATE storage_usage SET total_bytes = total_bytes + ? WHERE id = 1", delta);
        }
    }

    /** Deletes the account's versions that match {@code condition}, and their bytes from the total. */
    private static int deleteVersions(Connection connection, String condition, Object... parameters)
            throws SQLException {
        List<Long> sizes = query(connection, row -> row.getLong(1), "DELETE FROM backup_versions WHERE " + condition
                + " RETURNING size", parameters);
        addStoredBytes(connection, -sizes.stream().mapToLong(Long::longValue).sum());
        return sizes.size();
    }

    /**
     * Deletes every version of the account, and their bytes from the total, in the caller's transaction, which
     * has locked the account's row ({@link JdbcAccounts#lock}); returns how many went.
     */
    static int deleteAll(Connection connection, String accountId) throws SQLException {
        return deleteVersions(connection, "account_id = ?", accountId);
    }

    @Override
    public long storedBackupBytes() {
        return database.read(connection -> storedBytes(connection, ""));
    }

    @Override
    public boolean deleteBackup(String accountId) {
        boolean deleted = database.write(connection -> {
            JdbcAccounts.lock(connection, database, accountId);
            int versions = deleteAll(connection, accountId);
            int current = update(connection, "UPDATE accounts SET current_version = NULL WHERE id = ?"
                    + " AND current_version IS NOT NULL", accountId);
            return versions + current > 0;
        });
        database.eraseFreedBytes();
        return deleted;
    }

    @Override
    public int deleteHistory(String accountId) {
        return database.write(connection -> {
            JdbcAccounts.lock(connection, database, accountId);
            return deleteVersions(connection, "account_id = ? AND version <> COALESCE((SELECT current_version"
                    + " FROM accounts WHERE id = ?), -1)", accountId, accountId);
        });
    }

    @Override
    public List<BackupSummary> backupVersions(String accountId) {
        return database.read(connection -> query(connection, row -> new BackupSummary(row.getLong("version"),
                row.getInt("size"), row.getLong("created_at")), "SELECT version, size, created_at"
                + " FROM backup_versions WHERE account_id = ? ORDER BY version DESC", accountId));
    }

    @Override
    public Optional<BackupVersion> backupVersion(String accountId, long version) {
        return database.read(connection -> first(query(connection, BACKUP, "SELECT version, body, created_at"
                + " FROM backup_versions WHERE account_id = ? AND version = ?", accountId, version)));
    }
}
