package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.RollbackException;
import fob.local.StorageException;
import fob.text.Text;
import java.util.Objects;

/**
 * What the backup the server holds means for this browser, met on a 412 or a pull: a judgement only, made from what
 * the server sent, the sync state and the key this browser holds. {@link SyncLoop#mergeWith} is the one place that
 * acts on it. This browser never writes over a backup it could not open: it only writes with the ETag of one it
 * opened, so every verdict but {@link Verdict#MERGE} and {@link Verdict#NOTHING_YET} stops the write.
 */
final class ServerCopy {
    /** What to do with the server's copy. */
    enum Verdict {
        /** No backup, and this browser knows of none: nothing to merge, the write goes on. */
        NOTHING_YET,
        /** The backup this browser belonged to is gone: backup stops here. */
        GONE,
        /** Another backup (lineage) took its place: backup stops here. */
        OTHER_LINEAGE,
        /** This browser's key does not open it: another device rotated the keys, or it is not this person's. */
        KEYS_CHANGED,
        /** Older than a revision this browser has seen in this lineage. */
        ROLLBACK,
        /** This browser's backup, opened: merged in, and the write goes on with its ETag. */
        MERGE
    }

    /** Gives this browser's vault key when the judgement needs it. */
    interface HeldKey {
        byte[] get() throws StorageException;
    }

    final Verdict verdict;
    /** For {@link Verdict#MERGE}: the envelope and what it holds; null otherwise. */
    final Envelope envelope;
    final BackupPayload remote;
    /** The highest revision seen in this lineage, for {@link Verdict#ROLLBACK}. */
    private final long seen;

    private ServerCopy(Verdict verdict, Envelope envelope, BackupPayload remote, long seen) {
        this.verdict = verdict;
        this.envelope = envelope;
        this.remote = remote;
        this.seen = seen;
    }

    /**
     * The judgement of {@code stored} (null: the server has no backup). Throws when the server sent what does not
     * read as an envelope at all.
     */
    static ServerCopy judge(BackupServer.Stored stored, SyncState state, BackupCodec codec, HeldKey key)
            throws BackupException, StorageException {
        if (stored == null) {
            return new ServerCopy(state.etag == null ? Verdict.NOTHING_YET : Verdict.GONE, null, null, 0);
        }
        Envelope envelope = Envelope.parse(stored.body);
        if (!Objects.equals(envelope.lineage(), state.lineage)) {
            return new ServerCopy(Verdict.OTHER_LINEAGE, null, null, 0);
        }
        BackupPayload remote;
        try {
            remote = BackupPayload.read(codec.open(envelope, key.get()));
        } catch (BackupException e) {
            return new ServerCopy(Verdict.KEYS_CHANGED, null, null, 0);
        }
        if (remote.revision() < state.lastRevision) {
            return new ServerCopy(Verdict.ROLLBACK, null, remote, state.lastRevision);
        }
        return new ServerCopy(Verdict.MERGE, envelope, remote, 0);
    }

    /** Whether this browser stops backing up to the backup it knew: the server says it is gone or replaced. */
    boolean stopsBackup() {
        return verdict == Verdict.GONE || verdict == Verdict.OTHER_LINEAGE;
    }

    /** The status line this verdict leads to when it stops the write; null for one that goes on. */
    SyncStatus status() {
        switch (verdict) {
            case GONE:
            case OTHER_LINEAGE:
                return SyncStatus.DELETED_ELSEWHERE;
            case KEYS_CHANGED:
                return SyncStatus.KEYS_CHANGED;
            case ROLLBACK:
                return SyncStatus.OUT_OF_DATE;
            default:
                return null;
        }
    }

    /** Why the backup is not up to date, for a verdict that stops the write; "" for one that goes on. */
    String problem() {
        switch (verdict) {
            case GONE:
                return Text.t("turn Cloud backup on again to back up this browser's accounts");
            case OTHER_LINEAGE:
                return Text.t("another device deleted it and made a new backup; turn Cloud backup on again to merge"
                        + " with it");
            case KEYS_CHANGED:
                // Nothing is written over it; a passkey sign-in opens it through this passkey's slot, if it is this
                // backup at all.
                return Text.t("the backup's keys were changed on another device. Sign in with your passkey to go on"
                        + " backing up; nothing was uploaded over it");
            case ROLLBACK:
                return new RollbackException(remote.revision(), seen).getMessage();
            default:
                return "";
        }
    }
}
