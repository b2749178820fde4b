package fob.web.backup;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.codec.Base64Url;
import fob.codec.EncodingException;
import fob.local.VaultKeeper;
import fob.local.VaultSession;
import fob.sync.BackupKeys;
import fob.sync.BackupServer;
import fob.sync.BackupSize;
import fob.sync.BackupSync;
import fob.sync.LocalStorageException;
import fob.sync.OutsideRotation;
import fob.sync.Restore;
import fob.sync.ServerFailure;
import fob.sync.SyncState;
import fob.text.Text;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.web.Async;
import fob.web.js.TabSync;
import fob.web.store.BackupStateStore;
import fob.web.worker.Worker;

/**
 * Cloud backup in the page: the sync core ({@link BackupSync}, where every decision is) wired to the browser's
 * server API, vault, storage and timers, plus the passkey ceremonies that the core's operations need.
 */
public final class BackupService {
    private final ServerApi api = new ServerApi();
    private final SecurityApi security = new SecurityApi();
    private final Passkeys passkeys = new Passkeys(api);
    private final BackupSync sync;
    private final SessionVault local;
    private final BackupCodec codec;
    private final BackupKeys keys;
    private final BrowserCompression compression;
    /** The server's largest backup, once asked; -1 before. */
    private long backupLimit = -1;

    public BackupService(VaultSession session, VaultKeeper store, Worker worker) {
        compression = new BrowserCompression(worker);
        BrowserScheduler scheduler = new BrowserScheduler();
        local = new SessionVault(session, store);
        codec = new BackupCodec(new WebCryptoBackend(), new WebCryptoEcdh(), compression);
        sync = new BackupSync(new HttpBackupServer(api), local, new BackupStateStore(), scheduler,
                System::currentTimeMillis, codec);
        scheduler.attach(sync);
        sync.tellOtherTabsWith(TabSync::announceBackupChange);
        keys = new BackupKeys(sync);
    }

    public BackupSync sync() {
        return sync;
    }

    public BackupKeys keys() {
        return keys;
    }

    public ServerApi api() {
        return api;
    }

    public SecurityApi security() {
        return security;
    }

    public void start() {
        sync.start();
    }

    public void vaultChanged() {
        sync.vaultChanged();
    }

    /** A pull whose failure only shows in the status: it runs in the background. */
    public void pullQuietly() {
        Async.run(sync::pull, message -> { });
    }

    public void retryNow() {
        sync.retryNow();
    }

    // The passkey ceremonies, and what the core does with them.

    public Passkeys.Ceremony createAccount(String name) throws OfflineException, ServerException {
        Passkeys.Ceremony ceremony = passkeys.createAccount(name);
        sync.signedIn(ceremony.account);
        return ceremony;
    }

    /**
     * Signs in. When another device rotated the backup's keys, this passkey opens the backup and its new key is
     * adopted; a PRF-capable passkey without a sealed slot in the backup gets one.
     */
    public Passkeys.Ceremony signIn() throws OfflineException, ServerException, LocalStorageException,
            BackupException, VaultException {
        Passkeys.Ceremony ceremony = passkeys.signIn();
        sync.signedIn(ceremony.account);
        keepBackingUpWith(ceremony);
        return ceremony;
    }

    /** After a sign-in to the account this browser backs up to: adopts rotated keys, and gives the passkey a slot. */
    private void keepBackingUpWith(Passkeys.Ceremony ceremony) throws LocalStorageException, BackupException,
            VaultException {
        if (sync.state().enabled && sync.state().belongsTo(ceremony.account.id, ceremony.account.name)) {
            try {
                sync.adoptRotatedKey(ceremony.key);
            } catch (ServerFailure e) {
                throw new BackupException(Text.t("Signed in, but the backup could not be read: {0}", e.getMessage()));
            }
            keys.ensurePasskeySlot(ceremony.key);
        }
    }

    /**
     * A passkey sign-in again to {@code account}, the one the action began on (the server wants a recent sign-in):
     * only that account's passkeys are offered, and a sign-in that comes back for another account repeats nothing.
     * When the session has ended (this browser signed in with a passkey being removed), a sign-in from scratch, which
     * must come back for the same account too.
     */
    private Passkeys.Ceremony signInAgain(BackupServer.Account account) throws OfflineException, ServerException,
            LocalStorageException, BackupException, VaultException {
        if (account == null) {
            throw new ServerException(401, "not_signed_in", ServerErrors.describe("not_signed_in", "", -1));
        }
        Passkeys.Ceremony ceremony;
        try {
            ceremony = passkeys.reauthenticate(account);
        } catch (ServerException e) {
            if (!"not_signed_in".equals(e.code())) {
                throw e;
            }
            ceremony = passkeys.signIn();
            sync.signedIn(ceremony.account);
            Passkeys.requireSameAccount(account, ceremony);
        }
        sync.signedIn(ceremony.account);
        keepBackingUpWith(ceremony);
        return ceremony;
    }

    /** A request the server refuses (403 reauthentication_required) without a passkey sign-in in the last 5 minutes. */
    private interface RecentCall<T> {
        T call() throws OfflineException, ServerException;
    }

    /** Makes the request; when the server wants a recent sign-in, asks for the passkey and makes it again. */
    private <T> T withRecentSignIn(RecentCall<T> call) throws OfflineException, ServerException,
            LocalStorageException, BackupException, VaultException {
        BackupServer.Account account = sync.account();
        try {
            return call.call();
        } catch (ServerException e) {
            if (!"reauthentication_required".equals(e.code())) {
                throw e;
            }
            signInAgain(account);
            return call.call();
        }
    }

    /**
     * A key rotation ({@link BackupSync#rotate}); {@code leftOut} names a passkey whose slot goes, or null. The
     * server wants a passkey sign-in within the last 5 minutes for it: when the last one is older, or when this
     * browser's session just ended (it had signed in with the passkey being removed), a passkey is asked for, and
     * the rotation goes on with it.
     */
    public BackupSync.Rotation rotateKeys(byte[] leftOut) throws OfflineException, ServerException, ServerFailure,
            LocalStorageException, BackupException, VaultException {
        BackupServer.Account account = sync.account();
        try {
            return sync.rotate(null, leftOut);
        } catch (ServerFailure e) {
            if (!"reauthentication_required".equals(e.code()) && e.kind() != ServerFailure.Kind.SIGNED_OUT) {
                throw e;
            }
            return sync.rotate(signInAgain(account).key, leftOut);
        }
    }

    public void signOut() throws OfflineException, ServerException {
        api.signOut();
        sync.signedOut();
    }

    /**
     * "Delete recovery account": the server deletes it with its passkeys, sessions and backups (after a passkey
     * sign-in, asked for when the last one is over 5 minutes old); here backup stops, and the accounts stay.
     */
    public void deleteRecoveryAccount() throws OfflineException, ServerException, LocalStorageException,
            BackupException, VaultException {
        withRecentSignIn(() -> {
            api.deleteAccount();
            return null;
        });
        sync.stopOnThisDevice();
        sync.signedOut();
    }

    /**
     * Turns backup on for the signed-in account; needs the key of a passkey: {@code ceremony} from a sign-in or
     * account creation just now, or, when it gave none, a sign-in made here.
     */
    public BackupSync.Enabled enable(Passkeys.Ceremony ceremony) throws OfflineException, ServerException,
            ServerFailure, LocalStorageException, BackupException, VaultException {
        Passkeys.Ceremony key = ceremony != null && ceremony.key.prf != null ? ceremony : signIn();
        return sync.enable(key.key);
    }

    /** Backs up to the account signed in now instead of the one this browser backed up to. */
    public BackupSync.Enabled switchAccount(Passkeys.Ceremony ceremony) throws ServerFailure, LocalStorageException,
            BackupException, VaultException {
        return sync.switchToSignedInAccount(ceremony.key);
    }

    /**
     * "Delete backup for all devices". The server wants a passkey sign-in within the last 5 minutes for it: when
     * the last one is older, the passkey is asked for, and the deletion goes on.
     */
    public void deleteForAllDevices() throws OfflineException, ServerException, ServerFailure, LocalStorageException,
            BackupException, VaultException {
        BackupServer.Account account = sync.account();
        try {
            sync.deleteForAllDevices();
        } catch (ServerFailure e) {
            if (!"reauthentication_required".equals(e.code())) {
                throw e;
            }
            signInAgain(account);
            sync.deleteForAllDevices();
        }
    }

    /** Adds a passkey; with a PRF output it gets a slot of its own. Returns whether it can open backups alone. */
    public boolean addPasskey() throws OfflineException, ServerException, LocalStorageException, BackupException,
            VaultException {
        Passkeys.Ceremony added = withRecentSignIn(() -> passkeys.addPasskey(sync.account()));
        keys.ensurePasskeySlot(added.key);
        return added.key.prf != null;
    }

    /**
     * Removes a passkey (the server ends every session it signed in), then rotates the backup's keys without its
     * slot: its PRF opened the old vault key. Returns the rotation, whose new recovery code must be shown, or null
     * when the account has no backup. Backup off here rotates too ({@link #rotateForRevocation}).
     */
    public BackupSync.Rotation removePasskey(String id) throws OfflineException, ServerException, ServerFailure,
            LocalStorageException, BackupException, VaultException {
        byte[] credentialId;
        try {
            credentialId = Base64Url.decode(id);
        } catch (EncodingException e) {
            throw new BackupException(Text.t("The server named a passkey Fob cannot read ({0})", e.getMessage()));
        }
        withRecentSignIn(() -> {
            api.removePasskey(id);
            return null;
        });
        return rotateForRevocation(credentialId);
    }

    /**
     * Signs a device out. Another device needs a recent passkey sign-in (asked for when the last is older), and then
     * the backup's keys are rotated: the device signed out still holds the old vault key. Returns the rotation, whose
     * new recovery code must be shown, or null (this device, or no backup). Backup off here rotates too.
     */
    public BackupSync.Rotation signOutDevice(SecurityApi.Device device) throws OfflineException, ServerException,
            ServerFailure, LocalStorageException, BackupException, VaultException {
        if (device.current) {
            security.signOut(device.id);
            sync.signedOut();
            return null;
        }
        withRecentSignIn(() -> {
            security.signOut(device.id);
            return null;
        });
        return rotateForRevocation(null);
    }

    /** "Sign out everywhere else", then a key rotation as for one device. */
    public BackupSync.Rotation signOutEverywhereElse() throws OfflineException, ServerException, ServerFailure,
            LocalStorageException, BackupException, VaultException {
        withRecentSignIn(security::signOutEverywhereElse);
        return rotateForRevocation(null);
    }

    /**
     * After a revocation (a passkey removed, a device signed out), the backup gets new keys, whether or not this
     * browser backs up to it: here through {@link #rotateKeys}, else from outside, opened with a passkey sign-in made now
     * ({@link OutsideRotation}). Null when the account has no backup. When the backup cannot be given new keys from
     * here, the person is told, in words, what still opens it and what to do.
     */
    private BackupSync.Rotation rotateForRevocation(byte[] leftOut) throws OfflineException, ServerException,
            ServerFailure, LocalStorageException, BackupException, VaultException {
        BackupServer.Account account = sync.account();
        try {
            if (sync.state().enabled && account != null && sync.state().belongsTo(account.id, account.name)) {
                return rotateKeys(leftOut);
            }
            return new OutsideRotation(sync).rotate(signInAgain(account).key, null, leftOut);
        } catch (ServerFailure e) {
            if (BackupSync.NO_ANSWER.equals(e.code())) {
                // It may have been taken: what then happens is said in its own words.
                throw e;
            }
            throw notRotated(e);
        } catch (OfflineException | ServerException | BackupException e) {
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
    public void newKeysForAppLock() throws OfflineException, ServerException, ServerFailure, LocalStorageException,
            BackupException, VaultException {
        SyncState state = sync.state();
        if (!state.enabled) {
            local.adopt(codec.newVaultKey(), vault -> vault);
            return;
        }
        BackupServer.Account account = sync.account();
        if (account == null || !state.belongsTo(account.id, account.name)) {
            throw new BackupException(Text.t("sign in to the recovery account this browser backs up to"));
        }
        rotateKeys(null);
    }

    /** Signs in and reads the account's backup, for "Begin recovery". Null when the account has no backup. */
    public Restore beginRestore() throws OfflineException, ServerException, ServerFailure, BackupException,
            LocalStorageException {
        Passkeys.Ceremony ceremony = passkeys.signIn();
        sync.signedIn(ceremony.account);
        return sync.beginRestore(ceremony.key);
    }

    public void restoreVersion(long number) throws OfflineException, ServerException, BackupException,
            LocalStorageException, VaultException {
        sync.restoreVersion(api.version(number));
    }

    /** A vault as a change would leave it, made only when it is needed. */
    public interface VaultAfter {
        Vault get() throws VaultException;
    }

    /**
     * Why this vault, after an import, could not be backed up (its backup larger than the server takes), or null:
     * also when backup is off or the server cannot be asked, as then nothing would be refused.
     */
    public String importWarning(VaultAfter after) {
        SyncState state = sync.state();
        if (!state.enabled) {
            return null;
        }
        try {
            if (backupLimit < 0) {
                backupLimit = api.backupLimit();
            }
            byte[] compressed = compression.compress(new BackupPayload(state.lastRevision + 1,
                    System.currentTimeMillis(), after.get()).toBytes());
            return BackupSize.importWarning(BackupSize.envelopeBytes(compressed.length,
                    state.header == null ? 0 : state.header.length()), backupLimit);
        } catch (OfflineException | ServerException | BackupException | VaultException e) {
            return null;
        }
    }
}
