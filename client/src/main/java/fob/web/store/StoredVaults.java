package fob.web.store;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;

/** Makes {@link StoredVault} records. */
final class StoredVaults {
    private StoredVaults() {
    }

    /** Format 1: the vault key wrapped by the device key alone, as before app locks (still written without one). */
    @JSBody(params = {"revision", "keyNonce", "wrappedKey", "nonce", "ciphertext"}, script = "return {format: 1,"
            + " revision: revision, keyNonce: keyNonce, wrappedKey: wrappedKey, nonce: nonce, ciphertext: ciphertext,"
            + " savedAt: Date.now()};")
    static native StoredVault plain(double revision, Int8Array keyNonce, Int8Array wrappedKey, Int8Array nonce,
            Int8Array ciphertext);

    /** Format 2: locked; the device-wrapped vault key is only inside {@code lock}. */
    @JSBody(params = {"revision", "keyNonce", "lock", "nonce", "ciphertext"}, script = "return {format: 2,"
            + " revision: revision, keyNonce: keyNonce, lock: lock, nonce: nonce, ciphertext: ciphertext,"
            + " savedAt: Date.now()};")
    static native StoredVault locked(double revision, Int8Array keyNonce, String lock, Int8Array nonce,
            Int8Array ciphertext);

    /**
     * Format 2: the app lock's JSON (docs/formats.md, "The app lock"), which holds the wrapped vault key; null for
     * format 1 (a property that is absent is undefined, which TeaVM does not turn into null by itself).
     */
    @JSBody(params = "record", script = "return typeof record.lock === 'string' ? record.lock : null;")
    static native String lockOf(StoredVault record);

    /** A byte field of the record as an Int8Array view; null when it is missing or not bytes. */
    @JSBody(params = {"record", "name"}, script = "var v = record[name]; return ArrayBuffer.isView(v)"
            + " ? new Int8Array(v.buffer, v.byteOffset, v.byteLength) : null;")
    static native Int8Array bytesOf(StoredVault record, String name);

    /** The record's revision; 0 when it is missing or not a number (the record then fails to open anyway). */
    @JSBody(params = "record", script = "return typeof record.revision === 'number' ? record.revision : 0;")
    static native double revisionOf(StoredVault record);
}
