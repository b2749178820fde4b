package fob.web.store;

import fob.local.DeviceKeys;
import fob.local.RecordStorage;
import fob.local.StorageException;
import fob.local.StorageFailure;
import fob.local.VaultRecord;
import fob.text.Text;
import fob.web.js.Browser;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * {@link RecordStorage} in IndexedDB: the database {@code fob}, opened once per page, whose transactions give the
 * port its one-read, all-or-nothing-write semantics. The backup settings and preferences live in the same database.
 */
public final class IndexedDbRecords implements RecordStorage {
    private static IndexedDb.Database database;

    private IndexedDbRecords() {
    }

    /** Opens this page's database; every other store of the page then uses it. */
    public static IndexedDbRecords open() throws StorageException {
        try {
            database = Promises.await(IndexedDb.open("fob"));
            return new IndexedDbRecords();
        } catch (JsFailure e) {
            throw new StorageException(Text.t("Fob cannot open this browser's storage ({0}). In a private window, or"
                    + " with storage blocked for this site, Fob cannot keep accounts.", e.getMessage()));
        }
    }

    /** The database {@link #open} opened. */
    static IndexedDb.Database database() {
        return database;
    }

    @Override
    public Snapshot read() throws StorageFailure {
        IndexedDb.Stored stored;
        try {
            stored = Promises.await(IndexedDb.read(database));
        } catch (JsFailure e) {
            throw failure(e);
        }
        Browser.mark("fob-vault-read");
        return new Snapshot(record(stored.getVault()), WebCryptoKeys.wrap(stored.getDeviceKey()),
                stored.getPreferences());
    }

    @Override
    public void putVault(long expectedRevision, VaultRecord record, DeviceKeys.Key newDeviceKey)
            throws StorageFailure {
        try {
            Promises.await(IndexedDb.putVault(database, expectedRevision, stored(record),
                    WebCryptoKeys.unwrap(newDeviceKey)));
        } catch (JsFailure e) {
            throw failure(e);
        }
    }

    @Override
    public void replaceUnreadable(long expectedRevision, String asideKey, VaultRecord record, DeviceKeys.Key deviceKey)
            throws StorageFailure {
        try {
            Promises.await(IndexedDb.replaceUnreadable(database, expectedRevision, asideKey, stored(record),
                    WebCryptoKeys.unwrap(deviceKey)));
        } catch (JsFailure e) {
            throw failure(e);
        }
    }

    @Override
    public void clear() throws StorageFailure {
        try {
            Promises.await(IndexedDb.clear(database));
        } catch (JsFailure e) {
            throw failure(e);
        }
    }

    /** The port's failure for a browser's refusal, by its DOMException name. */
    static StorageFailure failure(JsFailure e) {
        StorageFailure.Kind kind = IndexedDb.CONFLICT.equals(e.name()) ? StorageFailure.Kind.CONFLICT
                : "QuotaExceededError".equals(e.name()) ? StorageFailure.Kind.NO_ROOM : StorageFailure.Kind.OTHER;
        return new StorageFailure(kind, e.getMessage());
    }

    /**
     * The record as the keeper reads it. A field that is missing or not bytes (a damaged record, or one from a later
     * format) reads as null, which the keeper judges unreadable: it must never stop the page.
     */
    private static VaultRecord record(StoredVault stored) {
        if (stored == null) {
            return null;
        }
        String lock = StoredVaults.lockOf(stored);
        long revision = (long) StoredVaults.revisionOf(stored);
        byte[] keyNonce = bytes(StoredVaults.bytesOf(stored, "keyNonce"));
        byte[] nonce = bytes(StoredVaults.bytesOf(stored, "nonce"));
        byte[] ciphertext = bytes(StoredVaults.bytesOf(stored, "ciphertext"));
        return lock == null
                ? VaultRecord.plain(revision, keyNonce, bytes(StoredVaults.bytesOf(stored, "wrappedKey")), nonce,
                        ciphertext)
                : VaultRecord.locked(revision, keyNonce, lock, nonce, ciphertext);
    }

    private static byte[] bytes(Int8Array array) {
        return array == null ? null : array.copyToJavaArray();
    }

    private static StoredVault stored(VaultRecord record) {
        Int8Array keyNonce = Int8Array.copyFromJavaArray(record.keyNonce());
        Int8Array nonce = Int8Array.copyFromJavaArray(record.nonce());
        Int8Array ciphertext = Int8Array.copyFromJavaArray(record.ciphertext());
        return record.lock() == null
                ? StoredVaults.plain(record.revision(), keyNonce, Int8Array.copyFromJavaArray(record.wrappedKey()),
                        nonce, ciphertext)
                : StoredVaults.locked(record.revision(), keyNonce, record.lock(), nonce, ciphertext);
    }
}
