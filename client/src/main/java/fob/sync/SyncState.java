package fob.sync;

/**
 * What this browser knows of its backup; none of it is secret (the header holds only wrapped keys). It belongs to
 * one recovery account ({@link #accountId}, the server's id) and one backup of it ({@link #lineage}): an ETag or a
 * revision is only ever compared with, or sent to, that account's backup of that lineage. Immutable.
 */
public final class SyncState {
    public static final SyncState OFF = new SyncState(false, null, null, null, null, null, 0, 0, false, false);

    /** Whether Cloud backup is on. */
    public final boolean enabled;
    /** The recovery account the backup belongs to (the server's id); null in states written before lineages. */
    public final String accountId;
    /** Its name, to show. */
    public final String accountName;
    /** The backup's lineage; null for a backup written before lineages (still backed up, as one lineage). */
    public final String lineage;
    /** The envelope header (lineage and slots) that new uploads reuse. */
    public final String header;
    /** The ETag of the backup this browser last wrote or read; null when it knows of none. */
    public final String etag;
    /** The highest payload revision seen in this lineage: older ones are refused (rollback protection). */
    public final long lastRevision;
    /** When the last upload succeeded, in milliseconds since the epoch; 0 for never. */
    public final long lastBackupAt;
    /** A change waits to be uploaded (kept across reloads, so a change made offline is never forgotten). */
    public final boolean pending;
    /** Backup is off because another device deleted it (the status says so until backup is turned on again). */
    public final boolean deletedElsewhere;
    /** The revisions seen in other backups (and, after a stop, this one's): rollback protection outlives a switch. */
    public final RevisionsSeen seen;
    /** A recovery code the person has not confirmed saving yet, or null. */
    public final PendingCode pendingCode;

    public SyncState(boolean enabled, String accountId, String accountName, String lineage, String header,
            String etag, long lastRevision, long lastBackupAt, boolean pending, boolean deletedElsewhere) {
        this(enabled, accountId, accountName, lineage, header, etag, lastRevision, lastBackupAt, pending,
                deletedElsewhere, RevisionsSeen.NONE, null);
    }

    public SyncState(boolean enabled, String accountId, String accountName, String lineage, String header,
            String etag, long lastRevision, long lastBackupAt, boolean pending, boolean deletedElsewhere,
            RevisionsSeen seen, PendingCode pendingCode) {
        this.seen = seen;
        this.pendingCode = pendingCode;
        this.enabled = enabled;
        this.accountId = accountId;
        this.accountName = accountName;
        this.lineage = lineage;
        this.header = header;
        this.etag = etag;
        this.lastRevision = lastRevision;
        this.lastBackupAt = lastBackupAt;
        this.pending = pending;
        this.deletedElsewhere = deletedElsewhere;
    }

    /** Joined to a backup: this account's, this lineage, this version of it. */
    SyncState joined(String newAccountId, String newAccountName, String newLineage, String newHeader, String newEtag,
            long revision, long at, boolean stillPending) {
        // A code kept for another recovery account's backup would be shown under this one's name: it goes.
        return new SyncState(true, newAccountId, newAccountName, newLineage, newHeader, newEtag, revision, at,
                stillPending, false, remembered(), java.util.Objects.equals(newAccountId, accountId) ? pendingCode
                        : null);
    }

    /** What was seen, this state's own backup included. */
    private RevisionsSeen remembered() {
        return seen.with(accountId, lineage, lastRevision);
    }

    /** The highest revision seen in {@code lineage} of {@code accountId}, in this backup or an earlier one. */
    long revisionSeen(String ofAccount, String inLineage) {
        return remembered().of(ofAccount, inLineage);
    }

    SyncState uploaded(String newEtag, long revision, long at, boolean stillPending) {
        return new SyncState(true, accountId, accountName, lineage, header, newEtag, Math.max(lastRevision, revision),
                at, stillPending, false, seen, pendingCode);
    }

    SyncState withServerCopy(String newHeader, String newEtag, long revision) {
        return new SyncState(enabled, accountId, accountName, lineage, newHeader, newEtag,
                Math.max(lastRevision, revision), lastBackupAt, pending, false, seen, pendingCode);
    }

    SyncState withHeader(String newHeader) {
        return new SyncState(enabled, accountId, accountName, lineage, newHeader, etag, lastRevision, lastBackupAt,
                true, deletedElsewhere, seen, pendingCode);
    }

    SyncState withAccount(String id, String name) {
        return new SyncState(enabled, id, name, lineage, header, etag, lastRevision, lastBackupAt, pending,
                deletedElsewhere, seen, pendingCode);
    }

    SyncState withPending() {
        return new SyncState(enabled, accountId, accountName, lineage, header, etag, lastRevision, lastBackupAt, true,
                deletedElsewhere, seen, pendingCode);
    }

    /**
     * Backup off on this device: the server's backup stays for the other devices. Only what rollback protection
     * needs is kept: which account and lineage this browser saw, and the highest revision it saw there, so that
     * joining that backup again never accepts an older version.
     */
    SyncState stopped() {
        return new SyncState(false, accountId, null, lineage, null, null, lastRevision, 0, false, false, remembered(),
                pendingCode);
    }

    /**
     * Backup off because the server says it is gone or has become another lineage. Neither is proof of anything
     * (the server may lie), so the revision seen in this lineage stays, as on {@link #stopped}.
     */
    SyncState deletedOnAnotherDevice() {
        return new SyncState(false, accountId, null, lineage, null, null, lastRevision, 0, false, true, remembered(),
                pendingCode);
    }

    /** The same state with {@code code} (null: none) as the code the person has not confirmed saving. */
    SyncState withPendingCode(PendingCode code) {
        return new SyncState(enabled, accountId, accountName, lineage, header, etag, lastRevision, lastBackupAt,
                pending, deletedElsewhere, seen, code);
    }

    /** Whether this state belongs to {@code accountId} (a state from before lineages belongs to the name). */
    public boolean belongsTo(String id, String name) {
        return accountId != null ? accountId.equals(id) : accountName != null && accountName.equals(name);
    }
}
