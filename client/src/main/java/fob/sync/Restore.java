package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.RollbackException;
import fob.backup.VaultKeyCheck;
import fob.local.StorageException;
import fob.text.Text;
import fob.vault.VaultException;
import fob.vault.VaultMerge;

/**
 * A backup read from the server, on its way into this browser: opened with a passkey or the recovery code, then
 * applied, into an empty vault whole, or into one with accounts as a merge that only adds what is missing (its
 * {@link Destination} joins it). Applying it a second time adds nothing.
 */
public final class Restore {
    /** This browser, as a restore meets it: the revisions it has seen, and the join that brings a backup in. */
    interface Destination {
        /** The highest revision this browser has seen in {@code lineage} of {@code accountId}, now or before. */
        long revisionSeen(String accountId, String lineage);

        /** Brings the opened backup's accounts in and backs up to it; returns how many accounts were added. */
        int join(Restore opened) throws VaultException, StorageException;

        /** How many accounts this browser holds now. */
        int accountsHere();
    }

    private final BackupCodec codec;
    private final Destination destination;
    final BackupServer.Account account;
    final BackupServer.Stored stored;
    final Envelope envelope;
    private byte[] vaultKey;
    private BackupPayload payload;

    Restore(BackupCodec codec, Destination destination, BackupServer.Account account, BackupServer.Stored stored)
            throws BackupException {
        this.codec = codec;
        this.destination = destination;
        this.account = account;
        this.stored = stored;
        this.envelope = Envelope.parse(stored.body);
    }

    /** Whether the recovery code is needed to open the backup. */
    public boolean needsRecoveryCode() {
        return payload == null;
    }

    /** Opens the backup with the recovery code; a wrong code changes nothing. */
    public void openWithRecoveryCode(String code) throws BackupException {
        open(VaultKeyCheck.throughRecoveryCode(codec, envelope, code));
    }

    /** Refuses a backup older than one this browser has seen in the same lineage of the same account. */
    void open(byte[] key) throws BackupException {
        BackupPayload read = BackupPayload.read(codec.open(envelope, key));
        long seen = destination.revisionSeen(account.id, envelope.lineage());
        if (read.revision() < seen) {
            throw new RollbackException(read.revision(), seen);
        }
        vaultKey = key;
        payload = read;
    }

    public int accountCount() {
        return payload.vault().accounts().size();
    }

    /** The key that opened it; null before. */
    byte[] vaultKey() {
        return vaultKey;
    }

    /** What it holds, once opened; null before. */
    BackupPayload payload() {
        return payload;
    }

    /**
     * Brings the backup's accounts in: all of them into an empty vault, or (merge) synced with the ones here as
     * another device's would be ({@link VaultMerge#join}): nothing here is lost, and the backup's later changes are
     * kept. Then backup is on, for this backup. Returns how many accounts were added.
     */
    public int apply() throws VaultException, StorageException {
        return destination.join(this);
    }

    /**
     * What the person is asked before an opened backup comes into a browser that has accounts (only a merge is
     * offered, never a replacement); null when it has none, and the backup is restored at once.
     */
    public String mergeQuestion() {
        int here = destination.accountsHere();
        if (here == 0) {
            return null;
        }
        return Text.count("This browser already has {0} account, so Fob will not replace it with the backup's {1}.",
                "This browser already has {0} accounts, so Fob will not replace them with the backup's {1}.", here,
                accountCount()) + " " + Text.t("Merge brings in the backup's accounts and its later changes; nothing"
                + " here is lost (an account the backup deleted goes to Recently deleted).");
    }

    /** {@link #apply}, and what it did in the person's words: restored into an empty vault, or merged. */
    public String applyAndSay() throws VaultException, StorageException {
        int before = destination.accountsHere();
        int added = apply();
        return before == 0 ? Text.count("Restored {0} account.", "Restored {0} accounts.", added)
                : Text.count("Merged: {0} account added.", "Merged: {0} accounts added.", added);
    }
}
