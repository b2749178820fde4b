package fob.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Everything the server keeps. Two implementations, chosen by {@code FOB_DB_URL}: embedded SQLite (the
 * default) and PostgreSQL (for several servers sharing one database). Every method is one transaction.
 */
public interface Store extends AutoCloseable {
    // Challenges.
    void saveChallenge(Challenge challenge);

    /**
     * Removes and returns the challenge if it exists, is for {@code purpose}, was handed to the browser with
     * this {@code binding}, and has not expired.
     */
    Optional<Challenge> consumeChallenge(byte[] value, Challenge.Purpose purpose, byte[] binding, long now);

    // Rate limits.
    /**
     * Takes a token from {@code bucket}, a token bucket shared by every server on this database that holds
     * {@code capacity} tokens and gains {@code perMilli} a millisecond. Returns 0 when a token was taken, or
     * else how many milliseconds until there is one (and takes nothing).
     */
    long takeToken(String bucket, double capacity, double perMilli, long now);

    // Accounts and passkeys.
    /** Creates the account with its first passkey. */
    void createAccount(Account account, Passkey passkey);

    Optional<Account> findAccount(String accountId);

    Optional<Passkey> findPasskey(byte[] credentialId);

    List<Passkey> passkeys(String accountId);

    void addPasskey(Passkey passkey);

    /**
     * Records a verified sign-in, its new counter and backup state, if the counter is still
     * {@code expectedSignCount} (compare-and-set); returns whether it was.
     */
    boolean recordPasskeyUse(byte[] credentialId, long expectedSignCount, long signCount, boolean backupState,
            long now);

    /**
     * Removes the passkey unless it is the account's last one, and in the same transaction every session it
     * signed in; returns whether it was removed.
     */
    boolean removePasskey(String accountId, byte[] credentialId);

    // Sessions.
    void createSession(Session session);

    Optional<Session> findSession(byte[] tokenHash);

    void touchSession(byte[] tokenHash, long now);

    void deleteSession(byte[] tokenHash);

    /** The account's sessions, most recently seen first. */
    List<Session> sessions(String accountId);

    /** Ends the account's session with this public id; returns whether there was one. */
    boolean deleteSession(String accountId, String sessionId);

    /** Ends every session of the account but {@code keepSessionId}; returns how many ended. */
    int deleteOtherSessions(String accountId, String keepSessionId);

    /** Renames the device of the account's session with this public id; returns whether there was one. */
    boolean renameSession(String accountId, String sessionId, String device);

    /** Removes expired sessions and challenges, and full rate-limit buckets; returns how many rows went. */
    int purgeExpired(long sessionsIdleBefore, long sessionsCreatedBefore, long now);

    // Backups.
    Optional<BackupVersion> currentBackup(String accountId);

    /**
     * Stores a new version in one transaction that checks the version it replaces: {@code expectedVersion} is
     * the current version (If-Match), or null when there must be no backup yet (If-None-Match: *). Keeps the
     * newest {@code keep} versions and the last version of each of the last {@code keepDays} days (UTC, today
     * included; see {@link Retention}), and records the activity event made for the new version in the same
     * transaction (one durable commit, and no event for a write that did not happen). Returns the new version's
     * number. Earlier versions beyond the account's quota go, oldest first; a write that the quota cannot
     * hold at all, or that would take the total past its quota, throws {@link QuotaExceededException} and
     * changes nothing.
     */
    long writeBackup(String accountId, Long expectedVersion, byte[] body, int keep, int keepDays, BackupQuota quota,
            long now, LongFunction<ActivityEvent> event) throws PreconditionFailedException;

    /**
     * Deletes the recovery account and everything it has: passkeys, sessions, backups and their history,
     * activity, its challenges, and the rate-limit {@code buckets} named after it; returns whether it existed.
     * The bytes are gone from the database's files, not only from its tables, where the database allows it.
     */
    boolean deleteAccount(String accountId, List<String> buckets);

    /** Deletes activity events older than {@code before}; returns how many went. */
    int deleteActivityBefore(long before);

    /** Deletes the backup and all its history; returns whether there was anything. */
    boolean deleteBackup(String accountId);

    /** Deletes every kept version but the current one; returns how many went. */
    int deleteHistory(String accountId);

    /** The bytes of every backup version of every account together. */
    long storedBackupBytes();

    /** Every kept version, newest first. */
    List<BackupSummary> backupVersions(String accountId);

    Optional<BackupVersion> backupVersion(String accountId, long version);

    // Activity.
    void recordActivity(String accountId, ActivityEvent event);

    List<ActivityEvent> activity(String accountId, int limit);

    boolean isHealthy();

    @Override
    void close();
}
