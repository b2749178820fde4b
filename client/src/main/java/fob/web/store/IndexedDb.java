package fob.web.store;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;

/** IndexedDB as promises: one database, one key-value store, and the one write that Fob needs. */
final class IndexedDb {
    static final String VAULT = "vault";
    static final String DEVICE_KEY = "deviceKey";
    static final String BACKUP_STATE = "backup";
    /** The error name of a write refused because another tab wrote first. */
    static final String CONFLICT = "FobRevisionConflict";

    private IndexedDb() {
    }

    /** An open database handle. */
    interface Database extends JSObject {
    }

    @JSBody(params = "name", script = "return new Promise(function (resolve, reject) {"
            + " var request = indexedDB.open(name, 1);"
            + " request.onupgradeneeded = function () { request.result.createObjectStore('kv'); };"
            + " request.onsuccess = function () { resolve(request.result); };"
            + " request.onerror = function () { reject(request.error); };"
            + " request.onblocked = function () { reject(new DOMException('Fob is open in an older tab', 'BlockedError')); };"
            + "});")
    static native JSPromise<Database> open(String name);

    @JSBody(params = {"db", "key"}, script = "return new Promise(function (resolve, reject) {"
            + " var request = db.transaction('kv', 'readonly').objectStore('kv').get(key);"
            + " request.onsuccess = function () { resolve(request.result === undefined ? null : request.result); };"
            + " request.onerror = function () { reject(request.error); };"
            + "});")
    static native <T extends JSObject> JSPromise<T> get(Database db, String key);

    /** Writes one value under {@code key}, durably. */
    @JSBody(params = {"db", "key", "value"}, script = "return new Promise(function (resolve, reject) {"
            + " var tx = db.transaction('kv', 'readwrite', {durability: 'strict'});"
            + " tx.objectStore('kv').put(value, key);"
            + " tx.oncomplete = function () { resolve(); };"
            + " tx.onabort = function () { reject(tx.error || new DOMException('the write was aborted', 'AbortError')); };"
            + "});")
    static native JSPromise<JSUndefined> put(Database db, String key, JSObject value);

    /**
     * Writes the vault record (and the device key, when given) in one durable transaction, but only if the
     * stored revision is still {@code expectedRevision}; otherwise rejects with {@link #CONFLICT} and writes
     * nothing. Either everything is written or nothing is.
     */
    @JSBody(params = {"db", "expectedRevision", "vault", "deviceKey"}, script = "return new Promise(function (resolve, reject) {"
            + " var failure = null;"
            + " var tx = db.transaction('kv', 'readwrite', {durability: 'strict'});"
            + " var store = tx.objectStore('kv');"
            + " var current = store.get('vault');"
            + " current.onsuccess = function () {"
            + "  var revision = current.result ? current.result.revision : 0;"
            + "  try {"
            + "   if (revision !== expectedRevision) throw new DOMException('another tab wrote first', 'FobRevisionConflict');"
            + "   if (deviceKey) store.put(deviceKey, 'deviceKey');"
            + "   store.put(vault, 'vault');"
            + "  } catch (e) { failure = e; tx.abort(); }"
            + " };"
            + " tx.oncomplete = function () { resolve(); };"
            + " tx.onabort = function () {"
            + "  reject(failure || tx.error || new DOMException('the write was aborted', 'AbortError')); };"
            + "});")
    static native JSPromise<JSUndefined> putVault(Database db, double expectedRevision, StoredVault vault,
            CryptoKey deviceKey);
}
