package fob.web.store;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;

/** IndexedDB as promises: one database, one key-value store, and the writes that Fob needs. */
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

    /** The vault record and the device key as one transaction saw them: never a record from one write and a key from another. */
    interface Stored extends JSObject {
        @JSProperty
        StoredVault getVault();

        @JSProperty
        CryptoKey getDeviceKey();

        /** This browser's preferences (JSON text, nothing secret), read in the same transaction: no extra wait. */
        @JSProperty
        String getPreferences();
    }

    @JSBody(params = "db", script = "return new Promise(function (resolve, reject) {"
            + " var store = db.transaction('kv', 'readonly').objectStore('kv');"
            + " var vault = store.get('vault'), deviceKey = store.get('deviceKey'),"
            + "  preferences = store.get('preferences');"
            + " preferences.onsuccess = function () {"
            + "  resolve({vault: vault.result === undefined ? null : vault.result,"
            + "   deviceKey: deviceKey.result === undefined ? null : deviceKey.result,"
            + "   preferences: typeof preferences.result === 'string' ? preferences.result : null}); };"
            + " preferences.onerror = function () { reject(preferences.error); };"
            + " deviceKey.onerror = function () { reject(deviceKey.error); };"
            + " vault.onerror = function () { reject(vault.error); };"
            + "});")
    static native JSPromise<Stored> read(Database db);

    /**
     * Writes the vault record in one durable transaction, but only if the stored revision is still
     * {@code expectedRevision}; otherwise rejects with {@link #CONFLICT} and writes nothing. {@code deviceKey} is
     * given only with a browser's first vault, and is written only where no device key is stored yet: a device key
     * that wraps a stored vault key is never replaced (that lost every account, issue 16). Either everything is
     * written or nothing is.
     */
    @JSBody(params = {"db", "expectedRevision", "vault", "deviceKey"}, script = "return new Promise(function (resolve, reject) {"
            + " var failure = null;"
            + " var tx = db.transaction('kv', 'readwrite', {durability: 'strict'});"
            + " var store = tx.objectStore('kv');"
            + " var current = store.get('vault'), currentKey = store.get('deviceKey');"
            + " currentKey.onsuccess = function () {"
            + "  var revision = current.result ? current.result.revision : 0;"
            + "  try {"
            + "   if (revision !== expectedRevision) throw new DOMException('another tab wrote first', 'FobRevisionConflict');"
            + "   if (deviceKey) {"
            + "    if (currentKey.result !== undefined) throw new DOMException('another tab made the device key', 'FobRevisionConflict');"
            + "    store.put(deviceKey, 'deviceKey');"
            + "   }"
            + "   store.put(vault, 'vault');"
            + "  } catch (e) { failure = e; tx.abort(); }"
            + " };"
            + " tx.oncomplete = function () { resolve(); };"
            + " tx.onabort = function () {"
            + "  reject(failure || tx.error || new DOMException('the write was aborted', 'AbortError')); };"
            + "});")
    static native JSPromise<JSUndefined> putVault(Database db, double expectedRevision, StoredVault vault,
            CryptoKey deviceKey);

    /**
     * Replaces a vault that cannot be opened, without losing it: in one durable transaction, and only if the stored
     * record is still the one found unreadable ({@code expectedRevision}), the record, its device key and the
     * backup settings move to {@code asideKey}, and the new device key and vault record take their place. The
     * backup settings belonged to the old vault key, so they are dropped here and made anew by whoever needs them.
     */
    @JSBody(params = {"db", "expectedRevision", "asideKey", "vault", "deviceKey"}, script = "return new Promise(function (resolve, reject) {"
            + " var failure = null;"
            + " var tx = db.transaction('kv', 'readwrite', {durability: 'strict'});"
            + " var store = tx.objectStore('kv');"
            + " var current = store.get('vault'), currentKey = store.get('deviceKey'), backup = store.get('backup');"
            + " backup.onsuccess = function () {"
            + "  var revision = current.result ? current.result.revision : 0;"
            + "  try {"
            + "   if (revision !== expectedRevision) throw new DOMException('another tab wrote first', 'FobRevisionConflict');"
            + "   store.put({vault: current.result === undefined ? null : current.result,"
            + "    deviceKey: currentKey.result === undefined ? null : currentKey.result,"
            + "    backup: backup.result === undefined ? null : backup.result, setAsideAt: Date.now()}, asideKey);"
            + "   store.delete('backup');"
            + "   store.put(deviceKey, 'deviceKey');"
            + "   store.put(vault, 'vault');"
            + "  } catch (e) { failure = e; tx.abort(); }"
            + " };"
            + " tx.oncomplete = function () { resolve(); };"
            + " tx.onabort = function () {"
            + "  reject(failure || tx.error || new DOMException('the write was aborted', 'AbortError')); };"
            + "});")
    static native JSPromise<JSUndefined> replaceUnreadable(Database db, double expectedRevision, String asideKey,
            StoredVault vault, CryptoKey deviceKey);

    /** Deletes every key of the store in one durable transaction ("Reset Fob"). */
    @JSBody(params = "db", script = "return new Promise(function (resolve, reject) {"
            + " var tx = db.transaction('kv', 'readwrite', {durability: 'strict'});"
            + " tx.objectStore('kv').clear();"
            + " tx.oncomplete = function () { resolve(); };"
            + " tx.onabort = function () { reject(tx.error || new DOMException('the reset was aborted', 'AbortError')); };"
            + "});")
    static native JSPromise<JSUndefined> clear(Database db);
}
