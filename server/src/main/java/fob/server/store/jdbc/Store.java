package fob.server.store.jdbc;

import fob.server.store.AccountDeletion;
import fob.server.store.ActivityLog;
import fob.server.store.BackupVersions;
import fob.server.store.Challenges;
import fob.server.store.Expiry;
import fob.server.store.Passkeys;
import fob.server.store.RateLimits;
import fob.server.store.RecoveryAccounts;
import fob.server.store.SessionBackups;
import fob.server.store.SessionTokens;
import fob.server.store.SignedInDevices;
import fob.server.store.StorageUsage;

/**
 * Everything the server keeps, as the parts its consumers take, on one database: embedded SQLite (the default)
 * or PostgreSQL (for several servers sharing one database), opened by {@link Stores#open}. Only start-up (which
 * hands each consumer its parts, checks health and closes the database) and tests hold the whole.
 */
public final class Store implements AutoCloseable {
    private final Database database;
    private final JdbcBackupVersions backups;
    private final JdbcSessions sessions;
    private final JdbcSessionBackups sessionBackups;
    private final JdbcPasskeys passkeys;
    private final JdbcAccounts accounts;
    private final JdbcChallenges challenges;
    private final JdbcRateLimits rateLimits;
    private final JdbcActivity activity;
    private final JdbcExpiry expiry;

    Store(Database database) {
        this.database = database;
        this.backups = new JdbcBackupVersions(database);
        this.sessions = new JdbcSessions(database);
        this.sessionBackups = new JdbcSessionBackups(database);
        this.passkeys = new JdbcPasskeys(database);
        this.accounts = new JdbcAccounts(database);
        this.challenges = new JdbcChallenges(database);
        this.rateLimits = new JdbcRateLimits(database);
        this.activity = new JdbcActivity(database);
        this.expiry = new JdbcExpiry(database);
    }

    Database database() {
        return database;
    }

    public BackupVersions backups() {
        return backups;
    }

    public StorageUsage storageUsage() {
        return backups;
    }

    public SessionTokens sessionTokens() {
        return sessions;
    }

    public SessionBackups sessionBackups() {
        return sessionBackups;
    }

    public SignedInDevices signedInDevices() {
        return sessions;
    }

    public Passkeys passkeys() {
        return passkeys;
    }

    public RecoveryAccounts accounts() {
        return accounts;
    }

    public AccountDeletion accountDeletion() {
        return accounts;
    }

    public Challenges challenges() {
        return challenges;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    public ActivityLog activity() {
        return activity;
    }

    public Expiry expiry() {
        return expiry;
    }

    /** Whether the database answers a query. */
    public boolean isHealthy() {
        return database.isHealthy();
    }

    @Override
    public void close() {
        database.close();
    }
}
