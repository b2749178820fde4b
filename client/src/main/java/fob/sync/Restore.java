package fob.sync;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.RollbackException;
import fob.backup.VaultKeyCheck;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultMerge;

/**
 * A backup read from the server, on its way into this browser: opened with a passkey or the recovery code, then
 * applied, into an empty vault whole, or into one with accounts as a merge that only adds what is missing. Applying
 * it a second time adds nothing.
 */
public final class Restore {
    private final BackupSync sync;
    private final BackupServer.Account account;
    private final BackupServer.Stored stored;
    final Envelope envelope;
    private byte[] vaultKey;
    private BackupPayload payload;

    Restore(BackupSync sync, BackupServer.Account account, BackupServer.Stored stored, Envelope envelope) {
        this.sync = sync;
        this.account = account;
        this.stored = stored;
        this.envelope = envelope;
    }

    /** Whether the recovery code is needed to open the backup. */
    public boolean needsRecoveryCode() {
        return payload == null;
    }

    /** Opens the backup with the recovery code; a wrong code changes nothing. */
    public void openWithRecoveryCode(String code) throws BackupException {
        open(VaultKeyCheck.throughRecoveryCode(sync.codec(), envelope, code));
    }

    /** Refuses a backup older than one this browser has seen in the same lineage of the same account. */
    void open(byte[] key) throws BackupException {
        BackupPayload read = BackupPayload.read(sync.codec().open(envelope, key));
        long seen = sync.revisionSeen(account.id, envelope.lineage());
        if (read.revision() < seen) {
            throw new RollbackException(read.revision(), seen);
        }
        vaultKey = key;
        payload = read;
    }

    public int accountCount() {
        return payload.vault().accounts().size();
    }

    /**
     * Brings the backup's accounts in: all of them into an empty vault, or (merge) synced with the ones here as
     * another device's would be ({@link VaultMerge#join}): nothing here is lost, and the backup's later changes are
     * kept. Then backup is on, for this backup. Returns how many accounts were added.
     */
    public int apply() throws VaultException, LocalStorageException {
        Vault restored = payload.vault();
        boolean[] merged = {false};
        int before = sync.local().vault().accounts().size();
        PendingCode keptCode = sync.keptCodeAfterAdopting(vaultKey);
        Vault after = sync.local().adopt(vaultKey, current -> {
            if (current.isEmpty()) {
                // Through the same merge as every other copy, so that applying it again changes nothing.
                merged[0] = false;
                Vault whole = VaultMerge.sync(current, restored, sync.now());
                return new Vault(whole.accounts(), restored.settings(), whole.tombstones(), whole.recentlyDeleted(),
                        whole.orderedAt(), whole.groups()).withUsedAt(whole.usedAt());
            }
            merged[0] = true;
            return VaultMerge.join(current, restored, sync.now());
        });
        SyncState joined = sync.storedState().joined(account.id, account.name, envelope.lineage(), envelope.header(),
                stored.etag, payload.revision(), sync.now(), merged[0]).withPendingCode(keptCode);
        sync.joined(joined, merged[0]);
        return after.accounts().size() - before;
    }
}
