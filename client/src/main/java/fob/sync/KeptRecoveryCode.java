package fob.sync;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.local.StorageException;
import fob.vault.Vault;
import fob.vault.VaultMerge;
import java.util.Arrays;
import java.util.Objects;

/**
 * The recovery code kept in this browser until the person confirms saving it ({@link PendingCode}): which code is
 * offered, its confirmation, what becomes of it when this browser adopts another key, and the unfinished rotation it
 * belongs to, finished once the server is known to hold it (docs/security.md, "Active server").
 */
final class KeptRecoveryCode {
    private final SyncTab tab;

    KeptRecoveryCode(SyncTab tab) {
        this.tab = tab;
    }

    /**
     * The recovery code the person has not confirmed saving ("I have saved it"), to show again; null when there is
     * none, or while the rotation that made it is not finished here.
     */
    String unsaved() {
        // Without the lock: it only reads, and the page asks at every change of status; a thread waiting for the lock
        // at each change made TeaVM's monitors lose a waiter's wake-up (an upload then never ran).
        try {
            return unsavedIn(tab.store.load());
        } catch (StorageException e) {
            return null;
        }
    }

    /** The unconfirmed code in {@code stored}, as {@link #unsaved} says. */
    private String unsavedIn(SyncState stored) {
        try {
            PendingCode pendingCode = stored.pendingCode;
            if (pendingCode != null && pendingCode.outside) {
                return pendingCode.committed ? pendingCode.codeWithHeldKey(tab.codec, tab.local.vaultKey()) : null;
            }
            // Only a code of the backup this browser belongs to: one kept for a backup whose making lost its answer
            // is shown when backup is turned on again and finds it (BackupLifecycle.ownBackupMadeEarlier).
            return pendingCode == null || pendingCode.awaitsAdoption() || !stored.enabled
                    || !Objects.equals(Header.parse(pendingCode.header).lineage(), stored.lineage) ? null
                    : pendingCode.code(tab.codec, tab.local.vaultKey());
        } catch (StorageException | BackupException e) {
            return null;
        }
    }

    /** The person confirmed saving {@code code}: it is no longer kept (a newer code, if one was made, stays). */
    void saved(String code) throws StorageException {
        synchronized (tab.lock) {
            tab.load();
            if (code != null && code.equals(unsavedIn(tab.state))) {
                tab.save(tab.state.withPendingCode(null));
            }
        }
    }

    /** For the model test: the code kept here, finished or not (what the person will be shown). */
    String keptFinishedOrNot() {
        try {
            PendingCode pendingCode = tab.store.load().pendingCode;
            return pendingCode == null ? null : pendingCode.codeWithHeldKey(tab.codec, tab.local.vaultKey());
        } catch (StorageException | BackupException e) {
            return null;
        }
    }

    /**
     * The code kept here as it stands once this browser holds {@code newKey} (a restore or merge is about to adopt
     * it): a rotation of this browser's own that the adoption finishes keeps its code; a code {@code newKey} opens
     * stays; any other opens nothing then, and goes. Takes the lock.
     */
    PendingCode afterAdopting(byte[] newKey) {
        synchronized (tab.lock) {
            try {
                PendingCode pendingCode = tab.load().pendingCode;
                if (pendingCode == null) {
                    return null;
                }
                if (pendingCode.awaitsAdoption()) {
                    return Arrays.equals(pendingCode.newKey(tab.codec, tab.local.vaultKey()), newKey)
                            ? pendingCode.adopted() : null;
                }
                pendingCode.code(tab.codec, newKey);
                return pendingCode;
            } catch (StorageException | BackupException e) {
                return null;
            }
        }
    }

    /**
     * A write whose answer never came (offline, a server error) may have been committed: the code kept for it stays,
     * and the person is told so. Any other refusal committed nothing: the code kept before it is back.
     */
    ServerFailure unanswered(ServerFailure e, PendingCode previous, String message) throws StorageException {
        if (e.mayHaveBeenTaken()) {
            return new ServerFailure(e.kind(), ServerFailure.NO_ANSWER, message);
        }
        tab.save(tab.state.withPendingCode(previous));
        return e;
    }

    /**
     * A rotation this browser asked for but has not finished (its answer was lost, or storing the new key failed):
     * when the server holds the rotation's backup, its key is adopted and its code can be shown; when the key this
     * browser holds still opens the backup, the rotation never happened and its code is dropped. Returns whether it
     * adopted the new key.
     */
    boolean resumeRotation() throws ServerFailure, StorageException, BackupException, fob.vault.VaultException {
        SyncState state = tab.state;
        PendingCode pendingCode = state.pendingCode;
        if (pendingCode == null || !pendingCode.awaitsAdoption() || pendingCode.outside) {
            return false;
        }
        byte[] held = tab.local.vaultKey();
        byte[] newKey;
        try {
            newKey = pendingCode.newKey(tab.codec, held);
        } catch (BackupException keyChangedSince) {
            // This browser holds another key since (adopted from a later rotation): this code opens nothing kept.
            tab.save(state.withPendingCode(null));
            return false;
        }
        BackupServer.Stored stored = tab.server.get(null);
        if (stored == null || stored.body == null) {
            return false;
        }
        Envelope envelope = Envelope.parse(stored.body);
        if (envelope.header().equals(pendingCode.header)) {
            BackupPayload remote = BackupPayload.read(tab.codec.open(envelope, newKey));
            long now = tab.now();
            tab.onServer = remote.vault();
            Vault merged = tab.local.adopt(newKey, current -> VaultMerge.sync(current, remote.vault(), now));
            SyncState next = tab.state.withServerCopy(envelope.header(), stored.etag, remote.revision())
                    .withPendingCode(pendingCode.adopted());
            tab.save(BackupPayload.sameContent(merged, remote.vault()) ? next : next.withPending());
            tab.inStep();
            return true;
        }
        try {
            // Written under the old key at the rotation's revision or later: only possible if the rotation never
            // committed (after it, no device can open, so none writes over, the new key's backup). An older version
            // proves nothing: the server may be serving it in place of the rotation.
            if (BackupPayload.read(tab.codec.open(envelope, held)).revision() >= pendingCode.revision) {
                tab.save(tab.state.withPendingCode(null));
            }
        } catch (BackupException notThisKey) {
            // Rotated again since by another device (which showed its own code), or not a backup of this person's:
            // kept, until this browser adopts another key.
        }
        return false;
    }
}
