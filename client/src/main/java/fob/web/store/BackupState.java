package fob.web.store;

/**
 * What this browser knows of its backup. None of it is secret: the header holds only wrapped keys, and the
 * vault key itself stays in the vault record. Immutable.
 */
public final class BackupState {
    public static final BackupState OFF = new BackupState(false, null, null, 0, 0, null, false);

    /** Whether Cloud backup is on. */
    public final boolean enabled;
    /** The envelope header (its slots) that new uploads reuse. */
    public final String header;
    /** The ETag of the backup this browser last wrote or read; null when it knows of none. */
    public final String etag;
    /** The highest payload revision this browser has seen: older backups are refused (rollback protection). */
    public final long lastRevision;
    /** When the last upload succeeded, in milliseconds since the epoch; 0 for never. */
    public final long lastBackupAt;
    /** The recovery account's name, to show. */
    public final String accountName;
    /** A change is waiting to be uploaded (kept across reloads, so a change made offline is never forgotten). */
    public final boolean pending;

    public BackupState(boolean enabled, String header, String etag, long lastRevision, long lastBackupAt,
            String accountName, boolean pending) {
        this.enabled = enabled;
        this.header = header;
        this.etag = etag;
        this.lastRevision = lastRevision;
        this.lastBackupAt = lastBackupAt;
        this.accountName = accountName;
        this.pending = pending;
    }

    /** Backup on, with these slots, about to make its first upload (or to adopt a restored backup). */
    public BackupState enabled(String newHeader, String newEtag, long revision, long at, String name) {
        return new BackupState(true, newHeader, newEtag, Math.max(lastRevision, revision), at, name, true);
    }

    /** After a successful upload; still pending if the vault changed meanwhile. */
    public BackupState uploaded(String newEtag, long revision, long at, boolean stillPending) {
        return new BackupState(true, header, newEtag, Math.max(lastRevision, revision), at, accountName,
                stillPending);
    }

    /** After reading the server's backup (to merge with it): its slots, its ETag and its revision. */
    public BackupState withServerCopy(String newHeader, String newEtag, long revision) {
        return new BackupState(enabled, newHeader, newEtag, Math.max(lastRevision, revision), lastBackupAt,
                accountName, pending);
    }

    public BackupState withHeader(String newHeader) {
        return new BackupState(enabled, newHeader, etag, lastRevision, lastBackupAt, accountName, true);
    }

    public BackupState withAccountName(String name) {
        return new BackupState(enabled, header, etag, lastRevision, lastBackupAt, name, pending);
    }

    public BackupState withPending() {
        return new BackupState(enabled, header, etag, lastRevision, lastBackupAt, accountName, true);
    }

    /** Backup off; the revision seen is kept, so rollback protection survives turning backup off and on. */
    public BackupState disabled() {
        return new BackupState(false, null, null, lastRevision, 0, accountName, false);
    }
}
