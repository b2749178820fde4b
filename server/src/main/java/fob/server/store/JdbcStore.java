package fob.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * The SQL both databases share. Subclasses say where reads and writes go and how a row is locked for update;
 * the schema (db/sqlite, db/postgresql) differs only in column types.
 */
abstract class JdbcStore implements Store {
    /** A unit of work on one connection, inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException, PreconditionFailedException;
    }

    /** The connections for reading. */
    protected abstract DataSource readers();

    /** The connections for writing (for SQLite, one, so that writers queue here rather than in the file). */
    protected abstract DataSource writers();

    /** What follows a SELECT of the row a write depends on, to lock it until the transaction ends. */
    protected abstract String lockForUpdate();

    protected static <T> T transaction(DataSource source, Work<T> work) throws PreconditionFailedException {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | PreconditionFailedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database failure: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a write in a transaction of its own; SQLite's store overrides it to share one commit among the
     * writes that arrive together.
     */
    protected <T> T writeTransaction(Work<T> work) throws PreconditionFailedException {
        return transaction(writers(), work);
    }

    private <T> T write(Work<T> work) {
        try {
            return writeTransaction(work);
        } catch (PreconditionFailedException e) {
            throw new IllegalStateException("a write without a precondition failed one", e);
        }
    }

    private <T> T read(Work<T> work) {
        try {
            return transaction(readers(), work);
        } catch (PreconditionFailedException e) {
            throw new IllegalStateException("a read failed a precondition", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Maps each row of a query. */
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(Connection connection, RowMapper<T> mapper, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> results = new ArrayList<>();
            while (rows.next()) {
                results.add(mapper.map(rows));
            }
            return results;
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    // Challenges.

    @Override
    public void saveChallenge(Challenge c) {
        write(connection -> update(connection, "INSERT INTO challenges (challenge, purpose, account_id, user_handle,"
                + " name, binding, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", c.value(), c.purpose().name(),
                c.accountId(), c.userHandle(), c.name(), c.binding(), c.expiresAt()));
    }

    @Override
    public Optional<Challenge> consumeChallenge(byte[] value, Challenge.Purpose purpose, byte[] binding, long now) {
        // One statement, so that of two requests presenting the same challenge exactly one gets it. A request
        // from another browser (another binding) leaves the challenge to the browser it belongs to.
        return write(connection -> first(query(connection, row -> new Challenge(value, purpose,
                row.getString("account_id"), row.getBytes("user_handle"), row.getString("name"), binding,
                row.getLong("expires_at")), "DELETE FROM challenges WHERE challenge = ? AND purpose = ?"
                + " AND binding = ? AND expires_at > ? RETURNING account_id, user_handle, name, expires_at", value,
                purpose.name(), binding, now)));
    }

    // Rate limits.

    @Override
    public long takeToken(String bucket, double capacity, double perMilli, long now) {
        return write(connection -> {
            update(connection, "INSERT INTO rate_limits (bucket, tokens, updated_at, full_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (bucket) DO NOTHING", bucket, capacity, now, now);
            double[] row = query(connection, r -> new double[] {r.getDouble("tokens"), r.getLong("updated_at")},
                    "SELECT tokens, updated_at FROM rate_limits WHERE bucket = ?" + lockForUpdate(), bucket).get(0);
            // Servers' clocks differ a little: time never runs backwards for a bucket.
            long updated = Math.max(now, (long) row[1]);
            double tokens = Math.min(capacity, row[0] + Math.max(0, now - (long) row[1]) * perMilli);
            if (tokens < 1) {
                return (long) Math.ceil((1 - tokens) / perMilli);
            }
            tokens -= 1;
            update(connection, "UPDATE rate_limits SET tokens = ?, updated_at = ?, full_at = ? WHERE bucket = ?",
                    tokens, updated, updated + (long) Math.ceil((capacity - tokens) / perMilli), bucket);
            return 0L;
        });
    }

    // Accounts and passkeys.

    @Override
    public void createAccount(Account account, Passkey passkey) {
        write(connection -> {
            update(connection, "INSERT INTO accounts (id, name, user_handle, created_at) VALUES (?, ?, ?, ?)",
                    account.id(), account.name(), account.userHandle(), account.createdAt());
            insertPasskey(connection, passkey);
            return null;
        });
    }

    private static void insertPasskey(Connection connection, Passkey p) throws SQLException {
        update(connection, "INSERT INTO passkeys (credential_id, account_id, attested_credential, sign_count,"
                + " uv_initialized, backup_eligible, backup_state, transports, created_at, last_used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.credentialId(), p.accountId(), p.attestedCredential(),
                p.signCount(), p.uvInitialized(), p.backupEligible(), p.backupState(), p.transports(), p.createdAt(),
                p.lastUsedAt());
    }

    private static final RowMapper<Account> ACCOUNT = row -> new Account(row.getString("id"), row.getString("name"),
            row.getBytes("user_handle"), row.getLong("created_at"));

    private static final RowMapper<Passkey> PASSKEY = row -> new Passkey(row.getBytes("credential_id"),
            row.getString("account_id"), row.getBytes("attested_credential"), row.getLong("sign_count"),
            row.getBoolean("uv_initialized"), row.getBoolean("backup_eligible"), row.getBoolean("backup_state"),
            row.getString("transports"), row.getLong("created_at"), nullableLong(row, "last_used_at"));

    @Override
    public Optional<Account> findAccount(String accountId) {
        return read(connection -> first(query(connection, ACCOUNT, "SELECT * FROM accounts WHERE id = ?", accountId)));
    }

    @Override
    public Optional<Passkey> findPasskey(byte[] credentialId) {
        return read(connection -> first(query(connection, PASSKEY, "SELECT * FROM passkeys WHERE credential_id = ?",
                credentialId)));
    }

    @Override
    public List<Passkey> passkeys(String accountId) {
        return read(connection -> query(connection, PASSKEY,
                "SELECT * FROM passkeys WHERE account_id = ? ORDER BY created_at", accountId));
    }

    @Override
    public void addPasskey(Passkey passkey) {
        write(connection -> {
            insertPasskey(connection, passkey);
            return null;
        });
    }

    @Override
    public boolean recordPasskeyUse(byte[] credentialId, long expectedSignCount, long signCount, boolean backupState,
            long now) {
        return write(connection -> update(connection, "UPDATE passkeys SET sign_count = ?, backup_state = ?,"
                + " last_used_at = ? WHERE credential_id = ? AND sign_count = ?", signCount, backupState, now,
                credentialId, expectedSignCount) == 1);
    }

    @Override
    public boolean removePasskey(String accountId, byte[] credentialId) {
        return write(connection -> {
            // Locking the account row makes two removals of its last two passkeys take turns.
            query(connection, row -> null, "SELECT id FROM accounts WHERE id = ?" + lockForUpdate(), accountId);
            long count = query(connection, row -> row.getLong(1), "SELECT COUNT(*) FROM passkeys WHERE account_id = ?",
                    accountId).get(0);
            if (count <= 1) {
                return false;
            }
            if (update(connection, "DELETE FROM passkeys WHERE account_id = ? AND credential_id = ?", accountId,
                    credentialId) != 1) {
                return false;
            }
            update(connection, "DELETE FROM sessions WHERE account_id = ? AND credential_id = ?", accountId,
                    credentialId);
            return true;
        });
    }

    // Sessions.

    private static final RowMapper<Session> SESSION = row -> new Session(row.getString("id"),
            row.getBytes("token_hash"), row.getString("account_id"), row.getBytes("credential_id"),
            row.getString("device"), row.getLong("created_at"), row.getLong("last_seen_at"),
            row.getLong("authenticated_at"));

    @Override
    public void createSession(Session s) {
        write(connection -> update(connection, "INSERT INTO sessions (id, token_hash, account_id, credential_id,"
                + " device, created_at, last_seen_at, authenticated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.id(),
                s.tokenHash(), s.accountId(), s.credentialId(), s.device(), s.createdAt(), s.lastSeenAt(),
                s.authenticatedAt()));
    }

    @Override
    public Optional<Session> findSession(byte[] tokenHash) {
        return read(connection -> first(query(connection, SESSION, "SELECT * FROM sessions WHERE token_hash = ?",
                tokenHash)));
    }

    @Override
    public List<Session> sessions(String accountId) {
        return read(connection -> query(connection, SESSION,
                "SELECT * FROM sessions WHERE account_id = ? ORDER BY last_seen_at DESC, created_at DESC", accountId));
    }

    @Override
    public boolean deleteSession(String accountId, String sessionId) {
        return write(connection -> update(connection, "DELETE FROM sessions WHERE account_id = ? AND id = ?",
                accountId, sessionId) == 1);
    }

    @Override
    public int deleteOtherSessions(String accountId, String keepSessionId) {
        return write(connection -> update(connection, "DELETE FROM sessions WHERE account_id = ? AND id <> ?",
                accountId, keepSessionId));
    }

    @Override
    public boolean renameSession(String accountId, String sessionId, String device) {
        return write(connection -> update(connection, "UPDATE sessions SET device = ? WHERE account_id = ? AND id = ?",
                device, accountId, sessionId) == 1);
    }

    @Override
    public void touchSession(byte[] tokenHash, long now) {
        write(connection -> update(connection, "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", now,
                tokenHash));
    }

    @Override
    public void deleteSession(byte[] tokenHash) {
        write(connection -> update(connection, "DELETE FROM sessions WHERE token_hash = ?", tokenHash));
    }

    @Override
    public int purgeExpired(long sessionsIdleBefore, long sessionsCreatedBefore, long now) {
        return write(connection -> update(connection, "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                sessionsIdleBefore, sessionsCreatedBefore)
                + update(connection, "DELETE FROM challenges WHERE expires_at <= ?", now)
                + update(connection, "DELETE FROM rate_limits WHERE full_at <= ?", now));
    }

    // Backups.

    @Override
    public Optional<BackupVersion> currentBackup(String accountId) {
        return read(connection -> first(query(connection, BACKUP, "SELECT v.version, v.body, v.created_at"
                + " FROM accounts a JOIN backup_versions v ON v.account_id = a.id AND v.version = a.current_version"
                + " WHERE a.id = ?", accountId)));
    }

    private static final RowMapper<BackupVersion> BACKUP = row -> new BackupVersion(row.getLong("version"),
            row.getBytes("body"), row.getLong("created_at"));

    @Override
    public long writeBackup(String accountId, Long expectedVersion, byte[] body, int keep, int keepDays,
            BackupQuota quota, long now, LongFunction<ActivityEvent> event) throws PreconditionFailedException {
        return writeTransaction(connection -> {
            List<long[]> state = query(connection, row -> new long[] {row.getLong("backup_seq"),
                row.getLong("current_version"), row.wasNull() ? 1 : 0},
                    "SELECT backup_seq, current_version FROM accounts WHERE id = ?" + lockForUpdate(), accountId);
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
                row.getLong(3)}, "SELECT version, created_at, LENGTH(body) FROM backup_versions WHERE account_id = ?"
                    + " ORDER BY version DESC", accountId);
            List<long[]> dropped = Retention.dropped(earlier, version, keep, keepDays, now);
            long freed = dropped.stream().mapToLong(v -> v[2]).sum();
            checkQuota(connection, accountId, body.length, freed, quota);
            if (update(connection, "UPDATE accounts SET backup_seq = ?, current_version = ? WHERE id = ?"
                    + " AND backup_seq = ?", version, version, accountId, sequence) != 1) {
                throw new PreconditionFailedException("another device wrote a newer backup");
            }
            update(connection, "INSERT INTO backup_versions (account_id, version, body, created_at) VALUES (?, ?, ?, ?)",
                    accountId, version, body, now);
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
            insertActivity(connection, accountId, event.apply(version));
            return version;
        });
    }

    /** {@code freed}: the bytes of the earlier versions this write lets go. */
    private void checkQuota(Connection connection, String accountId, long size, long freed,
            BackupQuota quota) throws SQLException, QuotaExceededException {
        if (size > quota.accountMaxBytes()) {
            throw new QuotaExceededException(QuotaExceededException.Quota.ACCOUNT, quota.accountMaxBytes(),
                    "a backup of " + size + " bytes is more than the " + quota.accountMaxBytes() + " bytes an account"
                    + " may keep");
        }
        if (quota.storageMaxBytes() != BackupQuota.UNLIMITED) {
            // One row, kept by every write and deletion. Locking it (PostgreSQL; SQLite has one writer already)
            // makes the checks of writes in flight on several servers take turns, each seeing the others' bytes.
            long total = storedBytes(connection, lockForUpdate());
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

    /** Locks the account's row until the transaction ends (PostgreSQL), before the stored total's. */
    private void lockAccount(Connection connection, String accountId) throws SQLException {
        query(connection, row -> null, "SELECT id FROM accounts WHERE id = ?" + lockForUpdate(), accountId);
    }

    /** Deletes the account's versions that match {@code condition}, and their bytes from the total. */
    private static int deleteVersions(Connection connection, String condition, Object... parameters)
            throws SQLException {
        List<Long> sizes = query(connection, row -> row.getLong(1), "DELETE FROM backup_versions WHERE " + condition
                + " RETURNING LENGTH(body)", parameters);
        addStoredBytes(connection, -sizes.stream().mapToLong(Long::longValue).sum());
        return sizes.size();
    }

    @Override
    public long storedBackupBytes() {
        return read(connection -> storedBytes(connection, ""));
    }

    @Override
    public boolean deleteAccount(String accountId, List<String> buckets) {
        boolean existed = write(connection -> {
            lockAccount(connection, accountId);
            for (String bucket : buckets) {
                update(connection, "DELETE FROM rate_limits WHERE bucket = ?", bucket);
            }
            update(connection, "DELETE FROM challenges WHERE account_id = ?", accountId);
            // Its versions here, for their bytes to leave the total.
            deleteVersions(connection, "account_id = ?", accountId);
            // Passkeys, sessions and activity go with it (ON DELETE CASCADE).
            return update(connection, "DELETE FROM accounts WHERE id = ?", accountId) == 1;
        });
        eraseFreedBytes();
        return existed;
    }

    /**
     * After a deletion, makes the deleted bytes unreadable in the database's own files where it can. The
     * default does nothing; SQLite's store empties its write-ahead log.
     */
    protected void eraseFreedBytes() {
    }

    @Override
    public int deleteActivityBefore(long before) {
        return write(connection -> update(connection, "DELETE FROM activity WHERE at < ?", before));
    }

    @Override
    public boolean deleteBackup(String accountId) {
        boolean deleted = write(connection -> {
            lockAccount(connection, accountId);
            int versions = deleteVersions(connection, "account_id = ?", accountId);
            int current = update(connection, "UPDATE accounts SET current_version = NULL WHERE id = ?"
                    + " AND current_version IS NOT NULL", accountId);
            return versions + current > 0;
        });
        eraseFreedBytes();
        return deleted;
    }

    @Override
    public int deleteHistory(String accountId) {
        return write(connection -> {
            lockAccount(connection, accountId);
            return deleteVersions(connection, "account_id = ? AND version <> COALESCE((SELECT current_version"
                    + " FROM accounts WHERE id = ?), -1)", accountId, accountId);
        });
    }

    @Override
    public List<BackupSummary> backupVersions(String accountId) {
        return read(connection -> query(connection, row -> new BackupSummary(row.getLong("version"),
                row.getInt("size"), row.getLong("created_at")), "SELECT version, LENGTH(body) AS size, created_at"
                + " FROM backup_versions WHERE account_id = ? ORDER BY version DESC", accountId));
    }

    @Override
    public Optional<BackupVersion> backupVersion(String accountId, long version) {
        return read(connection -> first(query(connection, BACKUP, "SELECT version, body, created_at FROM backup_versions"
                + " WHERE account_id = ? AND version = ?", accountId, version)));
    }

    // Activity.

    /** Events kept per account: months of normal use, and a bound on what an attacker can make us store. */
    private static final int ACTIVITY_KEPT = 500;

    @Override
    public void recordActivity(String accountId, ActivityEvent e) {
        write(connection -> {
            insertActivity(connection, accountId, e);
            return null;
        });
    }

    private static void insertActivity(Connection connection, String accountId, ActivityEvent e) throws SQLException {
        update(connection, "INSERT INTO activity (account_id, at, kind, address, detail) VALUES (?, ?, ?, ?, ?)",
                accountId, e.at(), e.kind(), e.address(), e.detail());
        update(connection, "DELETE FROM activity WHERE account_id = ? AND id <= (SELECT id FROM activity"
                + " WHERE account_id = ? ORDER BY id DESC LIMIT 1 OFFSET " + ACTIVITY_KEPT + ")", accountId,
                accountId);
    }

    @Override
    public List<ActivityEvent> activity(String accountId, int limit) {
        return read(connection -> query(connection, row -> new ActivityEvent(row.getLong("at"), row.getString("kind"),
                row.getString("address"), row.getString("detail")),
                "SELECT at, kind, address, detail FROM activity WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                accountId, limit));
    }

    @Override
    public boolean isHealthy() {
        try {
            return read(connection -> query(connection, row -> row.getInt(1), "SELECT 1").size() == 1);
        } catch (StoreException e) {
            return false;
        }
    }
}
