package fob.web.store;

import fob.lock.AppLock;
import fob.lock.AppLockJson;
import fob.lock.LockFormatException;
import fob.lock.LockKeeper;
import fob.lock.WrongSecretException;
import fob.text.Text;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultJson;
import fob.web.backup.WebCryptoBackend;
import fob.web.js.Browser;
import fob.web.js.BrowserJson;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The vault in IndexedDB, encrypted with AES-256-GCM under a random vault key; the vault key is wrapped by a
 * non-extractable WebCrypto key that never leaves the browser. Nothing goes to localStorage. With an app lock,
 * the wrapped vault key is sealed once more under the lock key ({@link LockKeeper}), which only an unlocked page
 * holds: a locked page reads nothing and writes nothing.
 */
public final class VaultStore {
    private static final byte[] VAULT_KEY_CONTEXT = "fob vault key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VAULT_CONTEXT = "fob vault v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    final IndexedDb.Database db;
    private CryptoKey deviceKey;
    /**
     * A device key made by this tab for the browser's first vault, written with it. Every load forgets it when
     * storage already has one: whichever tab writes first makes the browser's keys, and the others adopt them.
     */
    private CryptoKey unsavedDeviceKey;
    private CryptoKey vaultKey;
    private Int8Array keyNonce;
    private Int8Array wrappedKey;
    private double revision;
    /** Whether {@link #wrappedKey} was read from storage (not made for a first vault that is not stored yet). */
    private boolean keyFromStorage;
    private boolean vaultKeyReplaced;
    /** Set when the stored vault cannot be opened: then nothing but a replacement that keeps it aside writes. */
    private String unreadable;
    private final LockKeeper lockKeeper = new LockKeeper(new WebCryptoBackend());
    private String preferencesJson;

    private VaultStore(IndexedDb.Database db) {
        this.db = db;
    }

    public static VaultStore open() throws StorageException {
        try {
            return new VaultStore(Promises.await(IndexedDb.open("fob")));
        } catch (JsFailure e) {
            throw new StorageException(Text.t("Fob cannot open this browser's storage ({0}). In a private window, or"
                    + " with storage blocked for this site, Fob cannot keep accounts.", e.getMessage()));
        }
    }

    /**
     * Reads and decrypts the vault; an empty vault the first time. Never writes. Every key this store writes with
     * afterwards comes from this read.
     */
    public Vault load() throws StorageException {
        IndexedDb.Stored stored;
        try {
            stored = Promises.await(IndexedDb.read(db));
        } catch (JsFailure e) {
            throw new StorageException(Text.t("Fob cannot read this browser's storage ({0}). Nothing was changed.",
                    e.getMessage()));
        }
        Browser.mark("fob-vault-read");
        StoredVault record = stored.getVault();
        preferencesJson = stored.getPreferences();
        Int8Array storedWrappedKey = null;
        if (record != null) {
            try {
                String lockJson = StoredVaults.lockOf(record);
                lockKeeper.read(lockJson == null ? null : AppLockJson.read(lockJson));
                storedWrappedKey = lockJson == null ? record.getWrappedKey()
                        : lockKeeper.state() == LockKeeper.State.UNLOCKED
                        ? Int8Array.copyFromJavaArray(lockKeeper.deviceWrappedKey()) : null;
            } catch (LockFormatException | WrongSecretException e) {
                lockKeeper.read(null);
                revision = record.getRevision();
                throw unreadable(Text.t("its app lock cannot be read ({0})", e.getMessage()));
            }
        } else {
            lockKeeper.read(null);
        }
        // A tab that could not open the vault, or opened it under another key, holds state (backup settings) that
        // belongs to the old key: once the vault opens under another key, the page starts afresh.
        boolean hadOtherKey = unreadable != null || keyFromStorage && storedWrappedKey != null
                && (record == null || !sameBytes(storedWrappedKey, wrappedKey));
        vaultKeyReplaced = false;
        keyFromStorage = false;
        revision = record == null ? 0 : record.getRevision();
        unreadable = null;
        unsavedDeviceKey = null;
        deviceKey = stored.getDeviceKey();
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
            byte[] rawKey;
            try {
                rawKey = decrypt(deviceKey, record.getKeyNonce(), VAULT_KEY_CONTEXT, storedWrappedKey);
            } catch (JsFailure e) {
                throw unreadable(Text.t("the key this browser keeps for it does not open it"));
            }
            vaultKey = Promises.await(WebCrypto.importKey(Int8Array.copyFromJavaArray(rawKey)));
            Arrays.fill(rawKey, (byte) 0);
            keyNonce = record.getKeyNonce();
            wrappedKey = storedWrappedKey;
            keyFromStorage = true;
            byte[] json;
            try {
                json = decrypt(vaultKey, record.getNonce(), VAULT_CONTEXT, record.getCiphertext());
            } catch (JsFailure e) {
                throw unreadable(Text.t("its contents do not decrypt"));
            }
            Browser.mark("fob-vault-decrypted");
            Vault vault = VaultJson.read(BrowserJson.utf8(json));
            Browser.mark("fob-vault-parsed");
            vaultKeyReplaced = hadOtherKey;
            return vault;
        } catch (JsFailure e) {
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
     * Whether the last load found the vault key replaced since this store last read or wrote it: another tab
     * restored a backup into this browser or started a new vault.
     */
    public boolean vaultKeyReplaced() {
        return vaultKeyReplaced;
    }

    private static boolean sameBytes(Int8Array a, Int8Array b) {
        return b != null && Arrays.equals(a.copyToJavaArray(), b.copyToJavaArray());
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
    private void startNewVault() throws JsFailure {
        if (deviceKey == null) {
            deviceKey = Promises.await(WebCrypto.generateNonExtractableKey());
            unsavedDeviceKey = deviceKey;
        }
        newVaultKey(deviceKey);
    }

    private void newVaultKey(CryptoKey wrappingKey) throws JsFailure {
        byte[] rawKey = random(32);
        wrapVaultKey(wrappingKey, rawKey);
        Arrays.fill(rawKey, (byte) 0);
    }

    private void wrapVaultKey(CryptoKey wrappingKey, byte[] rawKey) throws JsFailure {
        vaultKey = Promises.await(WebCrypto.importKey(Int8Array.copyFromJavaArray(rawKey)));
        keyNonce = Int8Array.copyFromJavaArray(random(12));
        wrappedKey = encrypt(wrappingKey, keyNonce, VAULT_KEY_CONTEXT, rawKey);
    }

    /**
     * Encrypts and stores the vault in one transaction. On any failure the stored vault is the previous one,
     * and the exception says why: a full disk, another tab that saved first ({@link StorageException#isConflict}),
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
            Promises.await(IndexedDb.putVault(db, revision, seal(vault, revision + 1, lock), unsavedDeviceKey));
            revision++;
            unsavedDeviceKey = null;
            keyFromStorage = true;
            if (lockChanged) {
                lockKeeper.written(change);
            }
        } catch (JsFailure e) {
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

    private StoredVault seal(Vault vault, double newRevision, AppLock lock) throws JsFailure {
        Int8Array nonce = Int8Array.copyFromJavaArray(random(12));
        Int8Array ciphertext = encrypt(vaultKey, nonce, VAULT_CONTEXT,
                VaultJson.write(vault).getBytes(StandardCharsets.UTF_8));
        return lock == null ? StoredVaults.create(newRevision, keyNonce, wrappedKey, nonce, ciphertext)
                : StoredVaults.createLocked(newRevision, keyNonce, AppLockJson.write(lock), nonce, ciphertext);
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
        LockKeeper.Change change = lockKeeper.withPassword(wrappedKey.copyToJavaArray(), passwordKey, salt,
                memoryKiB, iterations, parallelism);
        write(vault, change.lock, change, true);
    }

    public void addLockPasskey(Vault vault, byte[] credentialId, byte[] prf)
            throws StorageException, WrongSecretException, LockFormatException {
        refuseIfUnreadable();
        LockKeeper.Change change = lockKeeper.withPasskey(wrappedKey.copyToJavaArray(), credentialId, prf);
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
            Promises.await(IndexedDb.clear(db));
        } catch (JsFailure e) {
            throw new StorageException(Text.t("Fob could not reset this browser's storage ({0}). Nothing was changed.",
                    e.getMessage()));
        }
    }

    private static StorageException writeFailure(JsFailure e) {
        if (IndexedDb.CONFLICT.equals(e.name())) {
            return new StorageException(Text.t("Fob was changed in another tab."), true);
        }
        if ("QuotaExceededError".equals(e.name())) {
            return new StorageException(Text.t("Your browser has no room left for Fob's data, so the change was not"
                    + " saved. Free some disk space or allow this site more storage, then try again."));
        }
        return new StorageException(Text.t("The change could not be saved ({0}). Your accounts are as they were before"
                + " it.", e.getMessage()));
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
            CryptoKey newDeviceKey = Promises.await(WebCrypto.generateNonExtractableKey());
            if (rawVaultKey == null) {
                newVaultKey(newDeviceKey);
            } else {
                wrapVaultKey(newDeviceKey, rawVaultKey);
            }
            String asideKey = "unreadable-vault-" + (long) revision + "-" + System.currentTimeMillis();
            Promises.await(IndexedDb.replaceUnreadable(db, revision, asideKey, seal(vault, revision + 1, null),
                    newDeviceKey));
            lockKeeper.written(null);
            deviceKey = newDeviceKey;
            unsavedDeviceKey = null;
            revision++;
            unreadable = null;
            keyFromStorage = true;
        } catch (JsFailure e) {
            vaultKey = null;
            throw writeFailure(e);
        }
    }

    /** "Start a new vault": {@code vault} (what this tab still shows, or nothing) replaces an unreadable one. */
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
            return decrypt(deviceKey, keyNonce, VAULT_KEY_CONTEXT, wrappedKey);
        } catch (JsFailure e) {
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
        CryptoKey previousKey = vaultKey;
        Int8Array previousNonce = keyNonce;
        Int8Array previousWrapped = wrappedKey;
        try {
            wrapVaultKey(deviceKey, rawKey);
            // With an app lock, the lock is sealed anew over the new key, in the same write.
            LockKeeper.Change resealed = lockKeeper.resealed(wrappedKey.copyToJavaArray());
            write(vault, resealed == null ? null : resealed.lock, resealed, resealed != null);
        } catch (JsFailure | StorageException | WrongSecretException e) {
            vaultKey = previousKey;
            keyNonce = previousNonce;
            wrappedKey = previousWrapped;
            throw e instanceof StorageException ? (StorageException) e
                    : new StorageException(Text.t("The restored key could not be stored ({0})", e.getMessage()));
        }
    }

    private static Int8Array encrypt(CryptoKey key, Int8Array nonce, byte[] context, byte[] plaintext)
            throws JsFailure {
        ArrayBuffer sealed = Promises.await(WebCrypto.encrypt(key, nonce, Int8Array.copyFromJavaArray(context),
                Int8Array.copyFromJavaArray(plaintext)));
        return new Int8Array(sealed);
    }

    private static byte[] decrypt(CryptoKey key, Int8Array nonce, byte[] context, Int8Array ciphertext)
            throws JsFailure {
        ArrayBuffer opened = Promises.await(WebCrypto.decrypt(key, nonce, Int8Array.copyFromJavaArray(context),
                ciphertext));
        return new Int8Array(opened).copyToJavaArray();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
