package fob.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The backups of recovery accounts, for the backup routes: the current version, conditional writes, the kept
 * history and its retention, the quotas, and deletion. Every method is one transaction.
 */
public interface BackupVersions {
    Optional<BackupVersion> currentBackup(String accountId);

    /**
     * Stores a new version in one transaction that checks the version it replaces: {@code expectedVersion} is
     * the current version (If-Match), or null when there must be no backup yet (If-None-Match: *). Keeps the
     * newest {@code keep} versions and the last version of each of the last {@code keepDays} days (UTC, today
     * included), and records the activity event made for the new version in the same transaction (one durable
     * commit, and no event for a write that did not happen). Returns the new version's number. Earlier versions
     * beyond the account's quota go: first those that are not a kept day's last, oldest first, then the days'
     * last; a write that the quota cannot hold at all, or that would take the total past its quota, throws
     * {@link QuotaExceededException} and changes nothing.
     */
    long writeBackup(String accountId, Long expectedVersion, byte[] body, int keep, int keepDays, BackupQuota quota,
            long now, LongFunction<ActivityEvent> event) throws PreconditionFailedException;

    /**
     * Deletes the backup and all its history; returns whether there was anything. The bytes are gone from the
     * database's files, not only from its tables, where the database allows it.
     */
    boolean deleteBackup(String accountId);

    /** Deletes every kept version but the current one; returns how many went. */
    int deleteHistory(String accountId);

    /** Every kept version, newest first. */
    List<BackupSummary> backupVersions(String accountId);

    Optional<BackupVersion> backupVersion(String accountId, long version);
}
