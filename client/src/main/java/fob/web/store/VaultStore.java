package fob.web.store;

import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultJson;
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
 * non-extractable WebCrypto key that never leaves the browser. Nothing goes to localStorage.
 */
public final class VaultStore {
    private static final byte[] VAULT_KEY_CONTEXT = "fob vault key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VAULT_CONTEXT = "fob vault v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    final IndexedDb.Database db;
    private CryptoKey deviceKey;
    /** The device key still to be stored, with the first vault: it and the vault are written together. */
    private CryptoKey unsavedDeviceKey;
    private CryptoKey vaultKey;
    private Int8Array keyNonce;
    private Int8Array wrappedKey;
    private double revision;

    private VaultStore(IndexedDb.Database db) {
        this.db = db;
    }

    public static VaultStore open() throws StorageException {
        try {
            return new VaultStore(Promises.await(IndexedDb.open("fob")));
        } catch (JsFailure e) {
            throw new StorageException("Fob cannot open this browser's storage (" + e.getMessage() + "). In a private"
                    + " window, or with storage blocked for this site, Fob cannot keep accounts.");
        }
    }

    /** Reads and decrypts the vault; an empty vault the first time. Never writes. */
    public Vault load() throws StorageException {
        try {
            StoredVault stored = Promises.await(IndexedDb.get(db, IndexedDb.VAULT));
            deviceKey = Promises.await(IndexedDb.get(db, IndexedDb.DEVICE_KEY));
            if (stored == null) {
                startNewVault();
                return Vault.EMPTY;
            }
            if (deviceKey == null) {
                throw new StorageException("This browser's key for Fob's vault is missing, so the vault cannot be"
                        + " opened. Nothing was changed.");
            }
            byte[] rawKey = decrypt(deviceKey, stored.getKeyNonce(), VAULT_KEY_CONTEXT, stored.getWrappedKey());
            vaultKey = Promises.await(WebCrypto.importKey(Int8Array.copyFromJavaArray(rawKey)));
            Arrays.fill(rawKey, (byte) 0);
            keyNonce = stored.getKeyNonce();
            wrappedKey = stored.getWrappedKey();
            revision = stored.getRevision();
            byte[] json = decrypt(vaultKey, stored.getNonce(), VAULT_CONTEXT, stored.getCiphertext());
            return VaultJson.read(BrowserJson.utf8(json));
        } catch (JsFailure e) {
            throw new StorageException("Fob's vault in this browser cannot be read (" + e.getMessage()
                    + "). Nothing was changed.");
        } catch (VaultException e) {
            throw new StorageException(e.getMessage() + ". Nothing was changed.");
        }
    }

    private void startNewVault() throws JsFailure {
        if (deviceKey == null) {
            deviceKey = Promises.await(WebCrypto.generateNonExtractableKey());
            unsavedDeviceKey = deviceKey;
        }
        byte[] rawKey = random(32);
        vaultKey = Promises.await(WebCrypto.importKey(Int8Array.copyFromJavaArray(rawKey)));
        keyNonce = Int8Array.copyFromJavaArray(random(12));
        wrappedKey = encrypt(deviceKey, keyNonce, VAULT_KEY_CONTEXT, rawKey);
        Arrays.fill(rawKey, (byte) 0);
        revision = 0;
    }

    /**
     * Encrypts and stores the vault in one transaction. On any failure the stored vault is the previous one,
     * and the exception says why: a full disk, or another tab that saved first ({@link StorageException#isConflict}).
     */
    public void save(Vault vault) throws StorageException {
        try {
            Int8Array nonce = Int8Array.copyFromJavaArray(random(12));
            Int8Array ciphertext = encrypt(vaultKey, nonce, VAULT_CONTEXT,
                    VaultJson.write(vault).getBytes(StandardCharsets.UTF_8));
            StoredVault record = StoredVaults.create(revision + 1, keyNonce, wrappedKey, nonce, ciphertext);
            Promises.await(IndexedDb.putVault(db, revision, record, unsavedDeviceKey));
            revision++;
            unsavedDeviceKey = null;
        } catch (JsFailure e) {
            if (IndexedDb.CONFLICT.equals(e.name())) {
                throw new StorageException("Fob was changed in another tab.", true);
            }
            if ("QuotaExceededError".equals(e.name())) {
                throw new StorageException("Your browser has no room left for Fob's data, so the change was not"
                        + " saved. Free some disk space or allow this site more storage, then try again.");
            }
            throw new StorageException("The change could not be saved (" + e.getMessage() + "). Your accounts are"
                    + " as they were before it.");
        }
    }

    /**
     * The vault key's bytes, for backups (their slots wrap it). They are unwrapped on demand with the device key
     * and never stored anywhere unwrapped.
     */
    public byte[] exportVaultKey() throws StorageException {
        try {
            return decrypt(deviceKey, keyNonce, VAULT_KEY_CONTEXT, wrappedKey);
        } catch (JsFailure e) {
            throw new StorageException("Fob's key in this browser cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Makes {@code rawKey} this browser's vault key (a restored backup's key) and stores {@code vault} under it,
     * in one write: both change, or neither.
     */
    public void adoptVaultKey(byte[] rawKey, Vault vault) throws StorageException {
        CryptoKey previousKey = vaultKey;
        Int8Array previousNonce = keyNonce;
        Int8Array previousWrapped = wrappedKey;
        try {
            vaultKey = Promises.await(WebCrypto.importKey(Int8Array.copyFromJavaArray(rawKey)));
            keyNonce = Int8Array.copyFromJavaArray(random(12));
            wrappedKey = encrypt(deviceKey, keyNonce, VAULT_KEY_CONTEXT, rawKey);
            save(vault);
        } catch (JsFailure | StorageException e) {
            vaultKey = previousKey;
            keyNonce = previousNonce;
            wrappedKey = previousWrapped;
            throw e instanceof StorageException ? (StorageException) e
                    : new StorageException("The restored key could not be stored (" + e.getMessage() + ")");
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
