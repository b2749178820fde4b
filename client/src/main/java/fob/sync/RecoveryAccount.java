package fob.sync;

import fob.backup.BackupException;
import fob.codec.Base64Url;
import fob.codec.EncodingException;
import fob.local.StorageException;
import fob.text.Text;
import fob.vault.VaultException;

/**
 * The recovery account's security policy (docs/security.md, "Active server"), in plain Java: what follows a passkey
 * sign-in (the sync core hears of it; with backup on for that account, rotated keys are adopted and the passkey gets
 * a slot), which actions give the backup new keys (removing a passkey, signing another device out, turning App lock
 * on, and the person's "Rotate keys"), and the one way an action the server refuses without a recent passkey sign-in
 * asks for the passkey and is made again, once. The passkey ceremonies ({@link PasskeyCeremonies}) and the
 * account's requests ({@link AccountServer}) are the page's.
 */
public final class RecoveryAccount {
    /** What the page does after a sign-in or a new recovery account. */
    public enum AfterSignIn {
        /** Signed in to another account than the one backed up to: the person chooses. */
        CHOOSE_ACCOUNT,
        /** Backup is off: it is turned on, with the sign-in's passkey. */
        TURN_BACKUP_ON,
        /** Backing up to this account already. */
        NOTHING
    }

    private final BackupSync sync;
    private final PasskeyCeremonies passkeys;
    private final AccountServer server;

    public RecoveryAccount(BackupSync sync, PasskeyCeremonies passkeys, AccountServer server) {
        this.sync = sync;
        this.passkeys = passkeys;
        this.server = server;
    }

    public PasskeyCeremonies.Ceremony createAccount(String name) throws ServerFailure, PasskeyFailure {
        PasskeyCeremonies.Ceremony ceremony = passkeys.createAccount(name);
        sync.signedIn(ceremony.account);
        return ceremony;
    }

    /**
     * Signs in. When another device rotated the backup's keys, this passkey opens the backup and its new key is
     * adopted; a PRF-capable passkey without a sealed slot in the backup gets one.
     */
    public PasskeyCeremonies.Ceremony signIn() throws ServerFailure, PasskeyFailure, StorageException,
            BackupException, VaultException {
        PasskeyCeremonies.Ceremony ceremony = passkeys.signIn();
        sync.signedIn(ceremony.account);
        keepBackingUpWith(ceremony);
        return ceremony;
    }

    /** What follows the sign-in just made: the sync core's status and state decide. */
    public AfterSignIn afterSignIn() {
        if (sync.status() == SyncStatus.OTHER_ACCOUNT) {
            return AfterSignIn.CHOOSE_ACCOUNT;
        }
        return sync.state().enabled ? AfterSignIn.NOTHING : AfterSignIn.TURN_BACKUP_ON;
    }

    /** After a sign-in to the account this browser backs up to: adopts rotated keys, and gives the passkey a slot. */
    private void keepBackingUpWith(PasskeyCeremonies.Ceremony ceremony) throws StorageException,
            BackupException, VaultException {
        if (sync.canSync()) {
            try {
                sync.adoptRotatedKey(ceremony.key);
            } catch (ServerFailure e) {
                throw new BackupException(Text.t("Signed in, but the backup could not be read: {0}", e.getMessage()));
            }
            sync.ensurePasskeySlot(ceremony.key);
        }
    }

    /**
     * A passkey sign-in again to {@code account}, the one the action began on (the server wants a recent sign-in):
     * only that account's passkeys are offered, and a sign-in that comes back for another account repeats nothing.
     * When the session has ended (this browser signed in with a passkey being removed), a sign-in from scratch, which
     * must come back for the same account too.
     */
    private PasskeyCeremonies.Ceremony signInAgain(BackupServer.Account account) throws ServerFailure,
            PasskeyFailure, StorageException, BackupException, VaultException {
        if (account == null) {
            throw ServerFailure.signedOut();
        }
        PasskeyCeremonies.Ceremony ceremony;
        try {
            ceremony = passkeys.reauthenticate();
            requireSameAccount(account, ceremony);
        } catch (ServerFailure e) {
            if (!"not_signed_in".equals(e.code())) {
                throw e;
            }
            ceremony = passkeys.signIn();
            sync.signedIn(ceremony.account);
            requireSameAccount(account, ceremony);
        }
        sync.signedIn(ceremony.account);
        keepBackingUpWith(ceremony);
        return ceremony;
    }

    /** Refuses a ceremony that signed in to another recovery account than {@code account}. */
    private static void requireSameAccount(BackupServer.Account account, PasskeyCeremonies.Ceremony ceremony)
            throws ServerFailure {
        if (!ceremony.account.id.equals(account.id)) {
            throw ServerFailure.answered(403, "other_account", ServerErrors.describe("other_account", "", -1), -1);
        }
    }

    /** An action the server may refuse without a recent sign-in; {@code signedInAgain} is null at the first try. */
    private interface Action<T> {
        T run(PasskeyKey signedInAgain) throws ServerFailure, PasskeyFailure, StorageException,
                BackupException, VaultException;
    }

    /**
     * Makes {@code action}; when the server wants a passkey sign-in within the last 5 minutes (or, with {@code
     * alsoWhenSignedOut}, when the session has ended), asks for the passkey of the account the action began on and
     * makes it again, with that sign-in's key, once: a second refusal is the person's to see. A sign-in refused,
     * cancelled or timed out is thrown as it is, and the action is not made again.
     */
    private <T> T withRecentSignIn(boolean alsoWhenSignedOut, Action<T> action) throws ServerFailure,
            PasskeyFailure, StorageException, BackupException, VaultException {
        BackupServer.Account account = sync.account();
        try {
            return action.run(null);
        } catch (ServerFailure e) {
            if (!e.needsRecentSignIn() && !(alsoWhenSignedOut && e.kind() == ServerFailure.Kind.SIGNED_OUT)) {
                throw e;
            }
            return action.run(signInAgain(account).key);
        }
    }

    /**
     * A key rotation ({@link BackupSync#rotate}); {@code leftOut} names a passkey whose slot goes, or null. The
     * server wants a passkey sign-in within the last 5 minutes for it: when the last one is older, or when this
     * browser's session just ended (it had signed in with the passkey being removed), a passkey is asked for, and
     * the rotation goes on with it.
     */
    public Rotation rotateKeys(byte[] leftOut) throws ServerFailure, PasskeyFailure, StorageException,
            BackupException, VaultException {
        return withRecentSignIn(true, key -> sync.rotate(key, leftOut));
    }

    public void signOut() throws ServerFailure {
        server.signOut();
        sync.signedOut();
    }

    /**
     * "Delete recovery account": the server deletes it with its passkeys, sessions and backups (after a passkey
     * sign-in, asked for when the last one is over 5 minutes old); here backup stops, and the accounts stay.
     */
    public void deleteRecoveryAccount() throws ServerFailure, PasskeyFailure, StorageException,
            BackupException, VaultException {
        withRecentSignIn(false, key -> {
            server.deleteAccount();
            return null;
        });
        sync.stopOnThisDevice();
        sync.signedOut();
    }

    /**
     * Turns backup on for the signed-in account; needs the key of a passkey: {@code ceremony} from a sign-in or
     * account creation just now, or, when it gave none, a sign-in made here.
     */
    public Enabled enable(PasskeyCeremonies.Ceremony ceremony) throws ServerFailure, PasskeyFailure,
            StorageException, BackupException, VaultException {
        PasskeyCeremonies.Ceremony key = ceremony != null && ceremony.key.prf != null ? ceremony : signIn();
        return sync.enable(key.key);
    }

    /**
     * Backs up to the account signed in now instead of the one this browser backed up to, with the key of {@code
     * ceremony}, the sign-in that found the other account; after a reload that sign-in is gone (null), and a
     * passkey gives its key again.
     */
    public Enabled switchAccount(PasskeyCeremonies.Ceremony ceremony) throws ServerFailure, PasskeyFailure,
            StorageException, BackupException, VaultException {
        return sync.switchToSignedInAccount((ceremony != null ? ceremony : signIn()).key);
    }

    /**
     * "Delete backup for all devices". The server wants a passkey sign-in within the last 5 minutes for it: when
     * the last one is older, the passkey is asked for, and the deletion goes on.
     */
    public void deleteForAllDevices() throws ServerFailure, PasskeyFailure, StorageException, BackupException,
            VaultException {
        withRecentSignIn(false, key -> {
            sync.deleteForAllDevices();
            return null;
        });
    }

    /** Adds a passkey; with a PRF output it gets a slot of its own. Returns whether it can open backups alone. */
    public boolean addPasskey() throws ServerFailure, PasskeyFailure, StorageException, BackupException,
            VaultException {
        PasskeyKey added = withRecentSignIn(false, key -> passkeys.addPasskey());
        sync.ensurePasskeySlot(added);
        return added.prf != null;
    }

    /** What the person reads once a passkey was added ({@code opensAlone}: {@link #addPasskey}'s answer). */
    public static String passkeyAdded(boolean opensAlone) {
        return opensAlone ? Text.t("Passkey added.") : Text.t("Passkey added. It gave no key for backups, so"
                + " restoring with it alone will need the recovery code.");
    }

    /**
     * Removes a passkey (the server ends every session it signed in), then rotates the backup's keys without its
     * slot: its PRF opened the old vault key. Returns the rotation, whose new recovery code must be shown, or null
     * when the account has no backup. Backup off here rotates too ({@link #rotateForRevocation}).
     */
    public Rotation removePasskey(String id) throws ServerFailure, PasskeyFailure, StorageException,
            BackupException, VaultException {
        byte[] credentialId;
        try {
            credentialId = Base64Url.decode(id);
        } catch (EncodingException e) {
            throw new BackupException(Text.t("The server named a passkey Fob cannot read ({0})", e.getMessage()));
        }
        withRecentSignIn(false, key -> {
            server.removePasskey(id);
            return null;
        });
        return rotateForRevocation(credentialId);
    }

    /**
     * Signs a device out. Another device needs a recent passkey sign-in (asked for when the last is older), and then
     * the backup's keys are rotated: the device signed out still holds the old vault key. Returns the rotation, whose
     * new recovery code must be shown, or null (this device, or no backup). Backup off here rotates too.
     */
    public Rotation signOutDevice(SignedInDevice device) throws ServerFailure, PasskeyFailure,
            StorageException, BackupException, VaultException {
        if (device.current) {
            server.endSession(device.id);
            sync.signedOut();
            return null;
        }
        withRecentSignIn(false, key -> {
            server.endSession(device.id);
            return null;
        });
        return rotateForRevocation(null);
    }

    /** "Sign out everywhere else", then a key rotation as for one device. */
    public Rotation signOutEverywhereElse() throws ServerFailure, PasskeyFailure, StorageException,
            BackupException, VaultException {
        withRecentSignIn(false, key -> server.endOtherSessions());
        return rotateForRevocation(null);
    }

    /** What the confirmation of a revocation adds: the new keys that follow it, when backup is on here. */
    public String revocationNote() {
        return sync.state().enabled ? Text.t("Then your backup gets new keys: you get a new recovery code, the old"
                + " one stops working, and earlier versions of the backup are deleted.") : "";
    }

    /** What the confirmation of signing {@code device} out says. */
    public String signOutWarning(SignedInDevice device) {
        return device.current ? Text.t("This browser is signed out of your recovery account; its accounts stay here.")
                : Text.t("That device is signed out of your recovery account at once.") + " " + revocationNote();
    }

    /**
     * After a revocation (a passkey removed, a device signed out), the backup gets new keys, whether or not this
     * browser backs up to it: here through {@link #rotateKeys}, else from outside, opened with a passkey sign-in made
     * now ({@link OutsideRotation}). Null when the account has no backup. When the backup cannot be given new keys
     * from here, the person is told, in words, what still opens it and what to do.
     */
    private Rotation rotateForRevocation(byte[] leftOut) throws ServerFailure, StorageException,
            BackupException, VaultException {
        BackupServer.Account account = sync.account();
        try {
            if (sync.canSync()) {
                return rotateKeys(leftOut);
            }
            return sync.rotateFromOutside(signInAgain(account).key, null, leftOut);
        } catch (ServerFailure e) {
            if (ServerFailure.NO_ANSWER.equals(e.code())) {
                // It may have been taken: what then happens is said in its own words.
                throw e;
            }
            throw notRotated(e);
        } catch (PasskeyFailure | BackupException e) {
            throw notRotated(e);
        }
    }

    /** What the person must know when a revocation was made but the backup did not get new keys. */
    private static BackupException notRotated(Exception why) {
        return new BackupException(Text.t("Done, but your backup could not be given new keys ({0}). Until it has them,"
                + " what you removed can still open it: turn Cloud backup on here, or choose \u201cRotate keys\u201d on"
                + " a device where it is on.", why.getMessage()));
    }

    /**
     * Turning the app lock on gives the vault a new key: an earlier copy of the vault record, which this browser's
     * device key opens, then opens neither the locked vault nor any backup written after. With Cloud backup on here,
     * that is a rotation of the backup's keys (its new recovery code is offered until saved); backup on but not
     * signed in to its account cannot rotate, and the vault keeps its key (a vault key the backup does not know would
     * seal uploads no slot opens); with backup off, the vault alone gets the new key.
     */
    public void newKeysForAppLock() throws ServerFailure, PasskeyFailure, StorageException, BackupException,
            VaultException {
        if (sync.newKeyWhileBackupIsOff()) {
            return;
        }
        if (!sync.canSync()) {
            throw new BackupException(Text.t("sign in to the recovery account this browser backs up to"));
        }
        rotateKeys(null);
    }

    /** Signs in and reads the account's backup, for "Begin recovery". Null when the account has no backup. */
    public Restore beginRestore() throws ServerFailure, PasskeyFailure, BackupException {
        PasskeyCeremonies.Ceremony ceremony = passkeys.signIn();
        sync.signedIn(ceremony.account);
        return sync.beginRestore(ceremony.key);
    }
}
