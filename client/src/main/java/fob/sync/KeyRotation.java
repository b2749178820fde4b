package fob.sync;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.backup.PasskeyCannotOpenException;
import fob.backup.PreviousKey;
import fob.backup.RecoveryCode;
import fob.backup.RollbackException;
import fob.backup.UntrustedBackupException;
import fob.backup.VaultKeyCheck;
import fob.local.StorageException;
import fob.text.Text;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The backup's vault key replaced (docs/architecture.md, "Key rotation") by this browser, and a key another device
 * rotated to adopted here after a passkey sign-in. A rotation from a browser that does not back up to the backup is
 * {@link OutsideRotation}; the code a rotation makes is kept until saved ({@link KeptRecoveryCode}).
 */
final class KeyRotation {
    private static final int MAX_ATTEMPTS = 5;

    private final SyncTab tab;
    private final SyncLoop loop;
    private final KeptRecoveryCode kept;

    KeyRotation(SyncTab tab, SyncLoop loop, KeptRecoveryCode kept) {
        this.tab = tab;
        this.loop = loop;
        this.kept = kept;
    }

    /**
     * Merges what the server holds first, seals everything under a new key, reseals it to every remaining sealed
     * passkey slot, makes a new recovery code, and has the server replace the backup and delete every earlier version
     * in one step; then re-encrypts this browser's vault under the new key. {@code key}, from a passkey sign-in just
     * now, gets a new sealed slot when it has PRF. {@code leftOut} names a passkey whose slot goes (one being
     * removed), or null.
     */
    Rotation rotate(PasskeyKey key, byte[] leftOut) throws ServerFailure, StorageException, BackupException,
            VaultException {
        synchronized (tab.lock) {
            SyncState state = tab.load();
            if (!state.enabled || state.header == null) {
                throw new BackupException(Text.t("Cloud backup is off, so there are no keys to rotate"));
            }
            if (!tab.canSync()) {
                throw new BackupException(Text.t("Sign in to the recovery account this browser backs up to first"));
            }
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                if (!loop.mergeWith(tab.server.get(null))) {
                    tab.changed();
                    throw new BackupException(Text.t("The backup cannot be rotated now: {0}", tab.problem));
                }
                Rotation rotation = rotateOnce(key, leftOut);
                if (rotation != null) {
                    return rotation;
                }
            }
            throw new BackupException(Text.t("Other devices keep writing to the backup; try rotating the keys again"));
        }
    }

    /** One attempt, over the backup just merged; null when another device wrote first (412). */
    private Rotation rotateOnce(PasskeyKey key, byte[] leftOut) throws ServerFailure, StorageException,
            BackupException, VaultException {
        SyncState state = tab.state;
        byte[] newKey = tab.codec.newVaultKey();
        byte[] code = tab.codec.newRecoveryCode();
        Header oldHeader = Header.parse(state.header);
        RotatedSlots slots = RotatedSlots.of(tab.codec, oldHeader, newKey, key, leftOut);
        slots.add(tab.codec.recoveryCodeSlot(newKey, code));
        List<PreviousKey> chain = new ArrayList<>();
        chain.add(tab.codec.previousKey(newKey, tab.local.vaultKey()));
        chain.addAll(oldHeader.previousKeys());
        String header = new Header(state.lineage, slots.slots(), chain).write();
        Vault snapshot = tab.local.vault();
        long revision = state.lastRevision + 1;
        long now = tab.now();
        Envelope envelope = tab.codec.seal(newKey, header, new BackupPayload(revision, now, snapshot).toBytes());
        PendingCode previous = state.pendingCode;
        // Kept before the request: once the server commits, the old code opens nothing it keeps, so the new code and
        // key must outlive a lost answer, a failed write to storage and a reload.
        PendingCode pendingCode = PendingCode.forRotation(tab.codec, header, revision, tab.local.vaultKey(), newKey,
                code);
        tab.save(state.withPendingCode(pendingCode));
        String etag;
        try {
            etag = tab.server.rotate(envelope.toJson(), tab.state.etag);
        } catch (Conflict e) {
            tab.save(tab.state.withPendingCode(previous));
            return null;
        } catch (ServerFailure e) {
            throw kept.unanswered(e, previous, Text.t("The server did not answer the key rotation. If it took the"
                    + " new keys, Fob finishes the rotation here as soon as the server can be reached, and shows your"
                    + " new recovery code then."));
        }
        // The server holds only the new key's backup now; this browser's vault follows it. Should this write fail,
        // the kept code and key finish it later (KeptRecoveryCode.resumeRotation).
        tab.onServer = snapshot;
        Vault stillMine = tab.local.adopt(newKey, current -> current);
        tab.save(tab.state.withServerCopy(header, etag, revision).uploaded(etag, revision, now,
                !BackupPayload.sameContent(stillMine, snapshot)).withPendingCode(pendingCode.adopted()));
        tab.inStep();
        return new Rotation(RecoveryCode.format(code), slots.passkeysLeftWithoutSlot());
    }

    /**
     * After a passkey sign-in: when another device rotated the backup's keys, opens the backup through this passkey's
     * slot, adopts the new key, and merges in what this browser changed meanwhile. Returns false when there was
     * nothing to adopt (the key still opens the backup, or backup is off); throws when this passkey cannot open it.
     */
    boolean adoptRotatedKey(PasskeyKey key) throws ServerFailure, StorageException, BackupException,
            VaultException {
        synchronized (tab.lock) {
            SyncState state = tab.load();
            if (!tab.canSync()) {
                return false;
            }
            if (kept.resumeRotation()) {
                return true;
            }
            BackupServer.Stored stored = tab.server.get(null);
            if (stored == null) {
                return false;
            }
            Envelope envelope = Envelope.parse(stored.body);
            if (!Objects.equals(envelope.lineage(), state.lineage)) {
                return false;
            }
            try {
                tab.codec.open(envelope, tab.local.vaultKey());
                return false;
            } catch (BackupException stillRotated) {
                // Expected: the key changed. Through the passkey below.
            }
            byte[] newKey = newKeyThroughPasskey(envelope, key);
            BackupPayload remote = BackupPayload.read(tab.codec.open(envelope, newKey));
            if (remote.revision() < tab.state.lastRevision) {
                throw new RollbackException(remote.revision(), tab.state.lastRevision);
            }
            long now = tab.now();
            tab.onServer = remote.vault();
            Vault merged = tab.local.adopt(newKey, current -> VaultMerge.sync(current, remote.vault(), now));
            SyncState next = tab.state.withServerCopy(envelope.header(), stored.etag, remote.revision());
            tab.save(BackupPayload.sameContent(merged, remote.vault()) ? next : next.withPending());
            tab.inStep();
            return true;
        }
    }

    /** The rotated key, through {@code key}'s slot, when it descends from the key this browser holds. */
    private byte[] newKeyThroughPasskey(Envelope envelope, PasskeyKey key) throws BackupException,
            StorageException {
        if (key == null || key.prf == null) {
            throw new BackupException(Text.t("This passkey cannot open backups by itself. To go on backing up,"
                    + " turn Cloud backup off here (\u201cStop on this device\u201d) and on again, and open the"
                    + " backup with your recovery code"));
        }
        try {
            // Anyone can seal a key to a passkey slot's public key; only a holder of this browser's key can chain
            // the new key to it.
            return VaultKeyCheck.descendingFromHeldKey(tab.codec, envelope, key.credentialId, key.prf,
                    tab.local.vaultKey());
        } catch (UntrustedBackupException e) {
            tab.outOfDate(Text.t("the backup on the server was not made by your devices, so nothing was uploaded over"
                    + " it"));
            tab.changed();
            throw e;
        } catch (PasskeyCannotOpenException e) {
            tab.outOfDate(Text.t("the backup's new key could not be adopted with this passkey"));
            tab.changed();
            throw new BackupException(Text.t("Fob did not adopt the backup's new key: {0}. To go on backing up,"
                    + " turn Cloud backup off here (\u201cStop on this device\u201d) and on again, and open the"
                    + " backup with your recovery code.", e.getMessage()));
        }
    }
}
