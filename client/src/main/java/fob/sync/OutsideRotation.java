package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.backup.PreviousKey;
import fob.backup.RecoveryCode;
import fob.backup.RollbackException;
import fob.backup.VaultKeyCheck;
import fob.local.StorageException;
import fob.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A key rotation made from a browser that does not back up to the signed-in account's backup (Cloud backup off
 * here): a revocation (a passkey removed, a device signed out) gives the backup new keys wherever the person makes
 * it, or the removed passkey would open every later backup (docs/security.md, "Active server"). The backup is opened
 * through the one check ({@link VaultKeyCheck}: a passkey sign-in just now, or the recovery code the person typed),
 * and its contents are sealed again, as they are, under a new key. This browser's own vault is not touched and does
 * not join the backup; the new code is kept here until the person confirms saving it, as for every rotation.
 */
final class OutsideRotation {
    private static final int MAX_ATTEMPTS = 5;
    private final SyncTab tab;

    OutsideRotation(SyncTab tab) {
        this.tab = tab;
    }

    /** This browser's sync state as storage has it now; takes the lock for this step alone. */
    private SyncState storedState() throws StorageException {
        synchronized (tab.lock) {
            return tab.load();
        }
    }

    /** Saves {@code next} as this browser's sync state, and tells listeners; takes the lock for this step alone. */
    private void saveState(SyncState next) throws StorageException {
        synchronized (tab.lock) {
            tab.save(next);
            tab.changed();
        }
    }

    /**
     * Rotates, opening the backup with {@code key} (a passkey sign-in just now) or, when it is not null, with
     * {@code recoveryCode}; {@code leftOut} names a passkey whose slot goes, or null. Returns null when the account has
     * no backup. Throws {@link fob.backup.PasskeyCannotOpenException} when only the recovery code can open it.
     */
    Rotation rotate(PasskeyKey key, String recoveryCode, byte[] leftOut) throws ServerFailure,
            StorageException, BackupException {
        // No lock of the sync core's held throughout: each step takes it (TeaVM's monitors must not be entered twice
        // by one thread that awaits inside them). The server's ETag keeps the rotation whole against other writers,
        // and with backup off here nothing else in this browser writes the backup.
        BackupServer.Account account = tab.account;
        if (account == null) {
            throw ServerFailure.signedOut();
        }
        BackupCodec codec = tab.codec;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            BackupServer.Stored stored = tab.server.get(null);
            if (stored == null) {
                return null;
            }
            Envelope envelope = Envelope.parse(stored.body);
            byte[] vaultKey = recoveryCode != null
                    ? VaultKeyCheck.throughRecoveryCode(codec, envelope, recoveryCode)
                    : VaultKeyCheck.throughPasskey(codec, envelope, key.credentialId, key.prf, null);
            BackupPayload payload = BackupPayload.read(codec.open(envelope, vaultKey));
            SyncState state = storedState();
            long seen = state.revisionSeen(account.id, envelope.lineage());
            if (payload.revision() < seen) {
                throw new RollbackException(payload.revision(), seen);
            }
            byte[] newKey = codec.newVaultKey();
            byte[] code = codec.newRecoveryCode();
            RotatedSlots slots = RotatedSlots.of(codec, envelope.parsedHeader(), newKey,
                    recoveryCode != null ? null : key, leftOut);
            slots.add(codec.recoveryCodeSlot(newKey, code));
            List<PreviousKey> chain = new ArrayList<>();
            chain.add(codec.previousKey(newKey, vaultKey));
            chain.addAll(envelope.parsedHeader().previousKeys());
            String header = new Header(envelope.lineage(), slots.slots(), chain).write();
            long revision = payload.revision() + 1;
            Envelope rotated = codec.seal(newKey, header, new BackupPayload(revision, tab.now(), payload.vault())
                    .toBytes());
            PendingCode previous = state.pendingCode;
            PendingCode pendingCode = PendingCode.forRotationFromOutside(codec, header, revision,
                    tab.local.vaultKey(), newKey, code);
            saveState(state.withPendingCode(pendingCode));
            try {
                tab.server.rotate(rotated.toJson(), stored.etag);
            } catch (Conflict e) {
                saveState(storedState().withPendingCode(previous));
                continue;
            } catch (ServerFailure e) {
                if (e.mayHaveBeenTaken()) {
                    throw new ServerFailure(e.kind(), ServerFailure.NO_ANSWER, Text.t("The server did not answer"
                            + " the key rotation. If it took the new keys, Fob shows your new recovery code when"
                            + " it next starts and can reach the server."));
                }
                saveState(storedState().withPendingCode(previous));
                throw e;
            }
            saveState(storedState().withPendingCode(pendingCode.committedOutside()));
            return new Rotation(RecoveryCode.format(code), slots.passkeysLeftWithoutSlot());
        }
        throw new BackupException(Text.t("Other devices keep writing to the backup; try rotating the keys again"));
    }

    /**
     * A rotation from outside whose answer was lost: once the server is known to hold it (its header is the one kept),
     * its code is offered. Anything else proves nothing (the server may serve an older version or nothing at all): the
     * code stays kept, unshown, until a later rotation or backup replaces it.
     */
    void resume() {
        try {
            SyncState state = storedState();
            PendingCode pendingCode = state.pendingCode;
            if (pendingCode == null || !pendingCode.outside || pendingCode.committed || tab.account == null) {
                return;
            }
            BackupServer.Stored stored = tab.server.get(null);
            if (stored != null && stored.body != null
                    && Envelope.parse(stored.body).header().equals(pendingCode.header)) {
                saveState(state.withPendingCode(pendingCode.committedOutside()));
            }
        } catch (ServerFailure | StorageException | BackupException e) {
            // Tried again at the next start.
        }
    }
}
