package fob.local;

import fob.crypto.Aead;
import fob.lock.AppLock;
import fob.lock.AppLockJson;
import fob.lock.LockFormatException;
import fob.lock.LockKeeper;
import fob.lock.WrongSecretException;
import fob.text.Text;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The vault's keys and record in this browser, for one page: the vault is encrypted with AES-256-GCM under a
 * random vault key; the vault key is wrapped by a device key that never leaves the browser ({@link DeviceKeys}).
 * With an app lock, the wrapped vault key is sealed once more under the lock key ({@link LockKeeper}), which only
 * an unlocked page holds: a locked page reads nothing and writes nothing. Every decision about what is read and
 * written lives here; {@link RecordStorage} and {@link DeviceKeys} only carry it out.
 */
public final class VaultKeeper {
    private static final byte[] VAULT_KEY_CONTEXT = "fob vault key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VAULT_CONTEXT = "fob vault v1".getBytes(StandardCharsets.US_ASCII);

    private final RecordStorage storage;
    private final DeviceKeys keys;
    private final Aead crypto;
    private final LongSupplier clock;
    private final LockKeeper lockKeeper;
    private DeviceKeys.Key deviceKey;
    /**
     * A device key made by this page for the browser's first vault, written with it. Every load forgets it when
     * storage already has one: whichever page writes first makes the browser's keys, and the others adopt them.
     */
    private DeviceKeys.Key unsavedDeviceKey;
    private DeviceKeys.Key vaultKey;
    private byte[] keyNonce;
    private byte[] wrappedKey;
    private long revision;
    /** Whether {@link #wrappedKey} was read from storage (not made for a first vault that is not stored yet). */
    private boolean keyFromStorage;
    private boolean vaultKeyReplaced;
    /** Set when the stored vault cannot be opened: then nothing but a replacement that keeps it aside writes. */
    private String unreadable;
    private String preferencesJson;

    /**
     * {@code crypto} seals the app lock and gives the nonces; {@code clock} (milliseconds) names a record set
     * aside.
     */
    public VaultKeeper(RecordStorage storage, DeviceKeys keys, Aead crypto, LongSupplier clock) {
        this.storage = storage;
        this.keys = keys;
        this.crypto = crypto;
        this.clock = clock;
        this.lockKeeper = new LockKeeper(crypto);
    }

    /**
     * Reads and decrypts the vault; an empty vault the first time. Never writes. Every key this keeper writes with
     * afterwards comes from this read.
     */
    public Vault load() throws StorageException {
        RecordStorage.Snapshot stored;
        try {
            stored = storage.read();
        } catch (StorageFailure e) {
            throw new StorageException(Text.t("Fob cannot read this browser's storage ({0}). Nothing was changed.",
                    e.getMessage()));
        }
        VaultRecord record = stored.record;
        preferencesJson = stored.preferences;
        byte[] storedWrappedKey = null;
        if (record != null) {
            try {
                String lockJson = record.lock();
                lockKeeper.read(lockJson == null ? null : AppLockJson.read(lockJson));
                storedWrappedKey = lockJson == null ? record.wrappedKey()
                        : lockKeeper.state() == LockKeeper.State.UNLOCKED ? lockKeeper.deviceWrappedKey() : null;
            } catch (LockFormatException | WrongSecretException e) {
                lockKeeper.read(null);
                revision = record.revision();
                throw unreadable(Text.t("its app lock cannot be read ({0})", e.getMessage()));
            }
        } else {
            lockKeeper.read(null);
        }
        // A page that could not open the vault, or opened it under another key, holds state (backup settings) that
        // belongs to the old key: once the vault opens under another key, the page starts afresh.
        boolean hadOtherKey = unreadable != null || keyFromStorage && storedWrappedKey != null
                && (record == null || !Arrays.equals(storedWrappedKey, wrappedKey));
        vaultKeyReplaced = false;
        keyFromStorage = false;
        revision = record == null ? 0 : record.revision();
        unreadable = null;
        unsavedDeviceKey = null;
        deviceKey = stored.deviceKey;
        if (lockKeeper.state() == LockKeeper.State.LOCKED) {
            vaultKey = null;
            throw new LockedVaultException();
        }
        try {
            if (record == null) {
                startNewVault();
                vaultKeyReplaced = hadOtherKey;
                return Vault.EMPTY;
            }
            if (deviceKey == null) {
                throw unreadable(Text.t("this browser's key for it is missing"));
            }
            if (record.keyNonce() == null || storedWrappedKey == null) {
                throw unreadable(Text.t("the key this browser keeps for it does not open it"));
            }
            if (record.nonce() == null || record.ciphertext() == null) {
                throw unreadable(Text.t("its contents do not decrypt"));
            }
            byte[] rawKey;
            try {
                rawKey = keys.open(deviceKey, record.keyNonce(), VAULT_KEY_CONTEXT, storedWrappedKey);
            } catch (StorageFailure e) {
                throw unreadable(Text.t("the key this browser keeps for it does not open it"));
            }
            vaultKey = keys.importKey(rawKey);
            Arrays.fill(rawKey, (byte) 0);
            keyNonce = record.keyNonce();
            wrappedKey = storedWrappedKey;
            keyFromStorage = true;
            String json;
            try {
                json = keys.openText(vaultKey, record.nonce(), VAULT_CONTEXT, record.ciphertext());
            } catch (StorageFailure e) {
                throw unreadable(Text.t("its contents do not decrypt"));
            }
            Vault vault = VaultJson.read(json);
            vaultKeyReplaced = hadOtherKey;
            return vault;
        } catch (StorageFailure e) {
            throw new StorageException(Text.t("Fob's vault in this browser cannot be read ({0}). Nothing was changed.",
                    e.getMessage()));
        } catch (VaultException e) {
            throw unreadable(e.getMessage());
        }
    }

    private UnreadableVaultException unreadable(String reason) {
        unreadable = reason;
        vaultKey = null;
        return new UnreadableVaultException(reason);
    }

    /**
     * Whether the last load found the vault key replaced since this keeper last read or wrote it: another tab
     * restored a backup into this browser or started a new vault.
     */
    public boolean vaultKeyReplaced() {
        return vaultKeyReplaced;
    }

    /** Whether the last load found a vault it cannot open. */
    public boolean isUnreadable() {
        return unreadable != null;
    }

    /** Why the stored vault cannot be opened, as the page says it; null when it can. */
    public String unreadableMessage() {
        return unreadable == null ? null : new UnreadableVaultException(unreadable).getMessage();
    }

    /** Fresh keys for a first vault; the device key is kept if storage has one, made (unsaved) if not. */
    private void startNewVault() throws StorageFailure {
        if (deviceKey == null) {
            deviceKey = keys.newDeviceKey();
            unsavedDeviceKey = deviceKey;
        }
        newVaultKey(deviceKey);
    }

    private void newVaultKey(DeviceKeys.Key wrappingKey) throws StorageFailure {
        byte[] rawKey = crypto.random(32);
        wrapVaultKey(wrappingKey, rawKey);
        Arrays.fill(rawKey, (byte) 0);
    }

    private void wrapVaultKey(DeviceKeys.Key wrappingKey, byte[] rawKey) throws StorageFailure {
        vaultKey = keys.importKey(rawKey);
        keyNonce = crypto.random(12);
        wrappedKey = keys.seal(wrappingKey, keyNonce, VAULT_KEY_CONTEXT, rawKey);
    }

    /**
     * Encrypts and stores the vault in one transaction. On any failure the stored vault is the previous one,
     * and the exception says why: a full disk, another tab that saved first ({@link ConflictException}),
     * or a stored vault that cannot be opened ({@link UnreadableVaultException}), which nothing here overwrites.
     */
    public void save(Vault vault) throws StorageException {
        write(vault, lockKeeper.lock(), null, false);
    }

    /**
     * Stores {@code vault} with {@code lock} (null: none), and afterwards makes {@code change} (when given, or no
     * lock when {@code lockChanged}) what this page holds.
     */
    private void write(Vault vault, AppLock lock, LockKeeper.Change change, boolean lockChanged)
            throws StorageException {
        refuseIfUnreadable();
        try {
            storage.putVault(revision, seal(vault, revision + 1, lock), unsavedDeviceKey);
            revision++;
            unsavedDeviceKey = null;
            keyFromStorage = true;
            if (lockChanged) {
                lockKeeper.written(change);
            }
        } catch (StorageFailure e) {
            throw writeFailure(e);
        }
    }

    private void refuseIfUnreadable() throws StorageException {
        if (unreadable != null) {
            throw new UnreadableVaultException(unreadable);
        }
        if (lockKeeper.state() == LockKeeper.State.LOCKED || vaultKey == null) {
            throw new LockedVaultException();
        }
    }

    private VaultRecord seal(Vault vault, long newRevision, AppLock lock) throws StorageFailure {
        byte[] nonce = crypto.random(12);
        byte[] ciphertext = keys.seal(vaultKey, nonce, VAULT_CONTEXT,
                VaultJson.write(vault).getBytes(StandardCharsets.UTF_8));
        return lock == null ? VaultRecord.plain(newRevision, keyNonce, wrappedKey, nonce, ciphertext)
                : VaultRecord.locked(newRevision, keyNonce, AppLockJson.write(lock), nonce, ciphertext);
    }

    /** This browser's preferences as the last load read them (JSON text), or null. */
    public String preferencesJson() {
        return preferencesJson;
    }

    /** Where the app lock stands for this page. */
    public LockKeeper.State lockState() {
        return lockKeeper.state();
    }

    /** The stored app lock as last read or written; null without one. */
    public AppLock lock() {
        return lockKeeper.lock();
    }

    /** Unlocks with a password's key (Argon2id at the slot's parameters); then {@link #load} opens the vault. */
    public void unlockWithPassword(byte[] passwordKey) throws WrongSecretException {
        lockKeeper.unlockWithPassword(passwordKey);
    }

    public void unlockWithPasskey(byte[] credentialId, byte[] prf) throws WrongSecretException {
        lockKeeper.unlockWithPasskey(credentialId, prf);
    }

    /** Checks a secret again without changing anything (turning the lock off asks for one). */
    public void checkPassword(byte[] passwordKey) throws WrongSecretException {
        lockKeeper.checkPassword(passwordKey);
    }

    public void checkPasskey(byte[] credentialId, byte[] prf) throws WrongSecretException {
        lockKeeper.checkPasskey(credentialId, prf);
    }

    /** Stores {@code vault} with a lock password added (or replaced): from now on the record needs the lock key. */
    public void addLockPassword(Vault vault, byte[] passwordKey, byte[] salt, int memoryKiB, int iterations,
            int parallelism) throws StorageException, WrongSecretException {
        refuseIfUnreadable();
        LockKeeper.Change change = lockKeeper.withPassword(wrappedKey, passwordKey, salt, memoryKiB, iterations,
                parallelism);
        write(vault, change.lock, change, true);
    }

    public void addLockPasskey(Vault vault, byte[] credentialId, byte[] prf)
            throws StorageException, WrongSecretException, LockFormatException {
        refuseIfUnreadable();
        LockKeeper.Change change = lockKeeper.withPasskey(wrappedKey, credentialId, prf);
        write(vault, change.lock, change, true);
    }

    /** Stores {@code vault} without a lock: the device key alone opens it again. The caller asked for a secret. */
    public void removeLock(Vault vault) throws StorageException {
        write(vault, null, null, true);
    }

    /** Forgets the lock key: this page must unlock (a reload does) before it reads or writes again. */
    public void forgetLockKey() {
        lockKeeper.forgetKey();
        vaultKey = null;
    }

    /**
     * "Reset Fob": deletes everything Fob keeps in this browser (vault, device key, backup settings, preferences,
     * vaults set aside), in one transaction. The accounts come back from Cloud backup or an encrypted export.
     */
    public void wipe() throws StorageException {
        try {
            storage.clear();
        } catch (StorageFailure e) {
            throw new StorageException(Text.t("Fob could not reset this browser's storage ({0}). Nothing was changed.",
                    e.getMessage()));
        }
    }

    private static StorageException writeFailure(StorageFailure e) {
        switch (e.kind()) {
            case CONFLICT:
                return new ConflictException();
            case NO_ROOM:
                return new StorageException(Text.t("Your browser has no room left for Fob's data, so the change was"
                        + " not saved. Free some disk space or allow this site more storage, then try again."));
            default:
                return new StorageException(Text.t("The change could not be saved ({0}). Your accounts are as they"
                        + " were before it.", e.getMessage()));
        }
    }

    /**
     * Replaces a vault that cannot be opened with {@code vault}, under a new device key and a new vault key (or
     * {@code rawVaultKey}, a restored backup's). The unreadable record, its device key and the backup settings
     * are kept aside in storage, for a later fix; Cloud backup is off afterwards unless a restore turns it on.
     */
    private void replaceUnreadable(Vault vault, byte[] rawVaultKey) throws StorageException {
        if (unreadable == null) {
            throw new IllegalStateException(Text.t("the vault can be read; it is not replaced"));
        }
        try {
            DeviceKeys.Key newDeviceKey = keys.newDeviceKey();
            if (rawVaultKey == null) {
                newVaultKey(newDeviceKey);
            } else {
                wrapVaultKey(newDeviceKey, rawVaultKey);
            }
            String asideKey = "unreadable-vault-" + revision + "-" + clock.getAsLong();
            storage.replaceUnreadable(revision, asideKey, seal(vault, revision + 1, null), newDeviceKey);
            lockKeeper.written(null);
            deviceKey = newDeviceKey;
            unsavedDeviceKey = null;
            revision++;
            unreadable = null;
            keyFromStorage = true;
        } catch (StorageFailure e) {
            vaultKey = null;
            throw writeFailure(e);
        }
    }

    /** "Start a new vault": {@code vault} (what this page still shows, or nothing) replaces an unreadable one. */
    public void startOver(Vault vault) throws StorageException {
        replaceUnreadable(vault, null);
    }

    /**
     * The vault key's bytes, for backups (their slots wrap it). They are unwrapped on demand with the device key
     * and never stored anywhere unwrapped.
     */
    public byte[] exportVaultKey() throws StorageException {
        refuseIfUnreadable();
        try {
            return keys.open(deviceKey, keyNonce, VAULT_KEY_CONTEXT, wrappedKey);
        } catch (StorageFailure e) {
            throw new StorageException(Text.t("Fob's key in this browser cannot be read ({0})", e.getMessage()));
        }
    }

    /**
     * Makes {@code rawKey} this browser's vault key (a restored backup's key) and stores {@code vault} under it,
     * in one write: both change, or neither. Into a vault that cannot be opened, this is a recovery into a new
     * vault: the unreadable one is kept aside ({@link #startOver}).
     */
    public void adoptVaultKey(byte[] rawKey, Vault vault) throws StorageException {
        if (unreadable != null) {
            replaceUnreadable(vault, rawKey);
            return;
        }
        refuseIfUnreadable();
        DeviceKeys.Key previousKey = vaultKey;
        byte[] previousNonce = keyNonce;
        byte[] previousWrapped = wrappedKey;
        try {
            wrapVaultKey(deviceKey, rawKey);
            // With an app lock, the lock is sealed anew over the new key, in the same write.
            LockKeeper.Change resealed = lockKeeper.resealed(wrappedKey);
            write(vault, resealed == null ? null : resealed.lock, resealed, resealed != null);
        } catch (StorageFailure | StorageException | WrongSecretException e) {
            vaultKey = previousKey;
            keyNonce = previousNonce;
            wrappedKey = previousWrapped;
            throw e instanceof StorageException ? (StorageException) e
                    : new StorageException(Text.t("The restored key could not be stored ({0})", e.getMessage()));
        }
    }
}
