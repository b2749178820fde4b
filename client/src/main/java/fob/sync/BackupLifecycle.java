package fob.sync;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.backup.PasskeyCannotOpenException;
import fob.backup.RecoveryCode;
import fob.backup.RollbackException;
import fob.backup.Slot;
import fob.backup.VaultKeyCheck;
import fob.local.StorageException;
import fob.text.Text;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultMerge;
import java.util.ArrayList;
import java.util.List;

/**
 * Which recovery account and which backup (lineage) this browser belongs to, as the person changes it: sign-in and
 * sign-out, turning backup on (a new backup, or joining the one the account has, through a {@link Restore}),
 * "Stop on this device", "Delete backup for all devices", and switching to the account signed in now. Failures are
 * thrown, to be shown where the person acted.
 */
final class BackupLifecycle implements Restore.Destination {
    private final SyncTab tab;
    private final KeptRecoveryCode kept;

    BackupLifecycle(SyncTab tab, KeptRecoveryCode kept) {
        this.tab = tab;
        this.kept = kept;
    }

    /** After a passkey sign-in or a new recovery account: who is signed in now. */
    void signedIn(BackupServer.Account who) {
        synchronized (tab.lock) {
            tab.account = who;
            tab.accountKnown = true;
            try {
                tab.load();
            } catch (StorageException e) {
                tab.outOfDate(e.getMessage());
            }
            SyncState state = tab.state;
            if (state.enabled && state.belongsTo(who.id, who.name)) {
                tab.status = state.pending ? SyncStatus.OUT_OF_DATE : SyncStatus.UP_TO_DATE;
                tab.problem = state.pending ? Text.t("changes wait to be uploaded") : "";
            }
            tab.checkAccount();
            tab.changed();
        }
        tab.tellOtherTabs();
        tab.retryNow();
    }

    void signedOut() {
        synchronized (tab.lock) {
            tab.account = null;
            tab.accountKnown = true;
            tab.checkAccount();
            tab.changed();
        }
        tab.tellOtherTabs();
    }

    /**
     * Turns backup on for the signed-in account, with {@code key} from a passkey ceremony just now. Where the
     * account has a backup, nothing is uploaded: it is returned, to restore or merge. Otherwise a new backup (a new
     * lineage) is written before the recovery code is returned, so that a code is only ever shown for a backup the
     * server holds; if another tab or device made one in the meantime, that one is returned instead.
     */
    Enabled enable(PasskeyKey key) throws ServerFailure, StorageException, BackupException, VaultException {
        synchronized (tab.lock) {
            if (tab.account == null) {
                throw ServerFailure.signedOut();
            }
            SyncState state = tab.load();
            tab.refuseWhileARotationOfAnotherAccountIsUnfinished();
            BackupServer.Stored stored = tab.server.getToRestore();
            if (stored != null) {
                Enabled own = ownBackupMadeEarlier(stored, key);
                return own != null ? own : new Enabled(null, restoreOf(stored, key), key.prf == null);
            }
            byte[] vaultKey = tab.local.vaultKey();
            byte[] code = tab.codec.newRecoveryCode();
            List<Slot> slots = new ArrayList<>();
            if (key.prf != null) {
                slots.add(tab.codec.sealedPasskeySlot(vaultKey, key.credentialId, key.prf));
            }
            slots.add(tab.codec.recoveryCodeSlot(vaultKey, code));
            String lineage = tab.codec.newLineage();
            String header = new Header(lineage, slots).write();
            Vault snapshot = tab.local.vault();
            long now = tab.now();
            Envelope envelope = tab.codec.seal(vaultKey, header, new BackupPayload(1, now, snapshot).toBytes());
            PendingCode previous = state.pendingCode;
            // Kept before the request: should its answer be lost, the backup may exist with this code alone.
            tab.save(state.withPendingCode(PendingCode.forNewBackup(tab.codec, header, vaultKey, code)));
            String etag;
            try {
                etag = tab.server.put(envelope.toJson(), null);
            } catch (Conflict e) {
                tab.save(tab.state.withPendingCode(previous));
                BackupServer.Stored made = tab.server.get(null);
                if (made == null) {
                    throw new BackupException(Text.t("The backup changed on the server while it was being made; try"
                            + " again"));
                }
                return new Enabled(null, restoreOf(made, key), key.prf == null);
            } catch (ServerFailure e) {
                throw kept.unanswered(e, previous, Text.t("The server did not answer while the backup was being made."
                        + " Turn Cloud backup on again when it can be reached: if the backup was made, Fob shows its"
                        + " recovery code then."));
            }
            BackupServer.Account account = tab.account;
            tab.save(tab.state.joined(account.id, account.name, lineage, header, etag, 1, now,
                    tab.local.vault() != snapshot));
            tab.inStep();
            return new Enabled(RecoveryCode.format(code), null, key.prf == null);
        }
    }

    /**
     * The backup this browser made itself when an earlier "turn on" lost the server's answer: its header is the one
     * kept with the code, and this browser's key opens it. Joined, with that code to show; null for any other.
     */
    private Enabled ownBackupMadeEarlier(BackupServer.Stored stored, PasskeyKey key) throws BackupException,
            StorageException, VaultException {
        SyncState state = tab.state;
        PendingCode pendingCode = state.pendingCode;
        if (pendingCode == null || pendingCode.awaitsAdoption()) {
            return null;
        }
        Envelope envelope = Envelope.parse(stored.body);
        if (!envelope.header().equals(pendingCode.header)) {
            return null;
        }
        byte[] vaultKey = tab.local.vaultKey();
        BackupPayload remote = BackupPayload.read(tab.codec.open(envelope, vaultKey));
        BackupServer.Account account = tab.account;
        long seen = state.revisionSeen(account.id, envelope.lineage());
        if (remote.revision() < seen) {
            throw new RollbackException(remote.revision(), seen);
        }
        String code = pendingCode.code(tab.codec, vaultKey);
        long now = tab.now();
        Vault merged = tab.local.change(current -> VaultMerge.sync(current, remote.vault(), now));
        tab.onServer = remote.vault();
        tab.save(tab.state.joined(account.id, account.name, envelope.lineage(), envelope.header(), stored.etag,
                remote.revision(), now, !BackupPayload.sameContent(merged, remote.vault())));
        tab.inStep();
        return new Enabled(code, null, key.prf == null);
    }

    /**
     * With backup off here, gives this browser's vault a new key (App lock turned on: a copy of the record from
     * before opens nothing written after) and returns true; with backup on, does nothing and returns false, as the
     * backup's keys must then rotate with it ({@link KeyRotation#rotate}).
     */
    boolean newKeyWhileBackupIsOff() throws StorageException, VaultException {
        synchronized (tab.lock) {
            if (tab.load().enabled) {
                return false;
            }
            tab.local.adopt(tab.codec.newVaultKey(), vault -> vault);
            return true;
        }
    }

    /** "Stop on this device": the backup stays on the server for the other devices. */
    void stopOnThisDevice() throws StorageException {
        synchronized (tab.lock) {
            stopped();
        }
    }

    /** "Delete backup for all devices": every version goes, on the server; the accounts here stay. */
    void deleteForAllDevices() throws ServerFailure, StorageException {
        synchronized (tab.lock) {
            tab.server.delete();
            stopped();
        }
    }

    /** Backup off here (the caller holds the lock). */
    private void stopped() throws StorageException {
        // From storage: another tab may have seen later revisions than this one holds in memory.
        SyncState state = tab.load();
        tab.onServer = null;
        tab.save(state.stopped());
        tab.status = SyncStatus.NOT_BACKED_UP;
        tab.problem = "";
        tab.changed();
    }

    /**
     * With backup on for another recovery account than the one signed in: stop backing up to that one here, and
     * turn backup on for this one (restoring or merging its backup, when it has one).
     */
    Enabled switchToSignedInAccount(PasskeyKey key) throws ServerFailure, StorageException, BackupException,
            VaultException {
        synchronized (tab.lock) {
            tab.load();
            tab.refuseWhileARotationOfAnotherAccountIsUnfinished();
        }
        stopOnThisDevice();
        return enable(key);
    }

    /** "Begin recovery": the signed-in account's backup, to open; null when it has none. */
    Restore beginRestore(PasskeyKey key) throws ServerFailure, BackupException {
        synchronized (tab.lock) {
            try {
                tab.load();
            } catch (StorageException e) {
                throw new BackupException(e.getMessage());
            }
            tab.refuseWhileARotationOfAnotherAccountIsUnfinished();
            BackupServer.Stored stored = tab.server.getToRestore();
            return stored == null ? null : restoreOf(stored, key);
        }
    }

    /** The backup {@code stored}, opened at once when {@code key}'s slot opens it (the caller holds the lock). */
    private Restore restoreOf(BackupServer.Stored stored, PasskeyKey key) throws BackupException {
        Restore restore = new Restore(tab.codec, this, tab.account, stored);
        if (key != null && key.prf != null) {
            byte[] vaultKey;
            try {
                vaultKey = VaultKeyCheck.throughPasskey(tab.codec, restore.envelope, key.credentialId, key.prf,
                        tab.heldKey());
            } catch (PasskeyCannotOpenException needsCode) {
                // This passkey has no slot, no PRF or no anchor: the recovery code is the way in. A forged key is not
                // this case: it is refused, above, as what it is.
                return restore;
            }
            // A rollback is not a missing slot: it is reported as what it is.
            restore.open(vaultKey);
        }
        return restore;
    }

    /**
     * Read from storage without the lock, which a restore's caller may hold already (it opens a backup found while
     * turning backup on): it only reads.
     */
    @Override
    public long revisionSeen(String accountId, String lineage) {
        try {
            return tab.store.load().revisionSeen(accountId, lineage);
        } catch (StorageException e) {
            // Nothing can be joined then either: joining writes this state.
            return 0;
        }
    }

    @Override
    public int accountsHere() {
        return tab.local.vault().accounts().size();
    }

    @Override
    public int join(Restore opened) throws VaultException, StorageException {
        BackupPayload payload = opened.payload();
        byte[] vaultKey = opened.vaultKey();
        Vault restored = payload.vault();
        boolean[] merged = {false};
        int before = tab.local.vault().accounts().size();
        PendingCode keptCode = kept.afterAdopting(vaultKey);
        Vault after = tab.local.adopt(vaultKey, current -> {
            if (current.isEmpty()) {
                // Through the same merge as every other copy, so that applying it again changes nothing.
                merged[0] = false;
                Vault whole = VaultMerge.sync(current, restored, tab.now());
                return new Vault(whole.accounts(), restored.settings(), whole.tombstones(), whole.recentlyDeleted(),
                        whole.orderedAt(), whole.groups()).withUsedAt(whole.usedAt());
            }
            merged[0] = true;
            return VaultMerge.join(current, restored, tab.now());
        });
        synchronized (tab.lock) {
            // A whole restore holds what the backup holds: the change it stored has nothing to upload (uploading it
            // anyway added a version to the history with each restore, and raced "Stop on this device").
            tab.onServer = merged[0] ? null : restored;
            tab.save(tab.load().joined(opened.account.id, opened.account.name, opened.envelope.lineage(),
                    opened.envelope.header(), opened.stored.etag, payload.revision(), tab.now(), merged[0])
                    .withPendingCode(keptCode));
            tab.retryMillis = SyncTab.FIRST_RETRY_MILLIS;
            tab.status = merged[0] ? SyncStatus.OUT_OF_DATE : SyncStatus.UP_TO_DATE;
            tab.problem = merged[0] ? Text.t("uploading the merged accounts") : "";
            tab.changed();
            if (merged[0]) {
                tab.scheduler.uploadIn(0);
            }
        }
        return after.accounts().size() - before;
    }
}
