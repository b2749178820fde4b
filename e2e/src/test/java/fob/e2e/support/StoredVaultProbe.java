package fob.e2e.support;

import java.util.List;

/**
 * Reads and, to make the failures a test needs, damages Fob's IndexedDB records from the page's origin, the way
 * another tab or a browser fault would: the tests never use the page's own code for it.
 */
public final class StoredVaultProbe {
    private static final String OPEN = "var done = arguments[arguments.length - 1];"
            + " var opening = indexedDB.open('fob', 1);"
            + " opening.onerror = function () { done('error ' + opening.error); };"
            + " opening.onsuccess = function () { var db = opening.result;";
    private static final String RECORD_JSON = "function json(record) { if (!record) return null;"
            + " var copy = {}; Object.keys(record).sort().forEach(function (k) { var v = record[k];"
            + "  copy[k] = ArrayBuffer.isView(v) ? Array.from(v) : v; }); return JSON.stringify(copy); }";

    private final FobPage page;

    public StoredVaultProbe(FobPage page) {
        this.page = page;
    }

    /** The stored vault record, every byte of it, as JSON; null when there is none. */
    public String vaultRecord() {
        return (String) page.asyncJs(RECORD_JSON + OPEN
                + " var get = db.transaction('kv').objectStore('kv').get('vault');"
                + " get.onsuccess = function () { db.close(); done(json(get.result)); }; };");
    }

    /** This browser's preferences as stored, the JSON text under the key {@code preferences}; null when none. */
    public String preferences() {
        return (String) page.asyncJs(OPEN + " var get = db.transaction('kv').objectStore('kv').get('preferences');"
                + " get.onsuccess = function () { db.close(); done(get.result || null); }; };");
    }

    /** The stored vault records set aside as unreadable, as JSON (each as {@link #vaultRecord} writes it). */
    @SuppressWarnings("unchecked")
    public List<String> setAsideVaultRecords() {
        return (List<String>) page.asyncJs(RECORD_JSON + OPEN
                + " var store = db.transaction('kv').objectStore('kv'); var keys = store.getAllKeys();"
                + " keys.onsuccess = function () {"
                + "  var aside = keys.result.filter(function (k) { return String(k).indexOf('unreadable-vault-') === 0; });"
                + "  var out = []; var left = aside.length; if (left === 0) { db.close(); done(out); return; }"
                + "  aside.sort().forEach(function (k, i) { var get = store.get(k); get.onsuccess = function () {"
                + "   out[i] = json(get.result.vault) + (get.result.deviceKey ? '' : ' without device key');"
                + "   if (--left === 0) { db.close(); done(out); } }; }); }; };");
    }

    /**
     * What the second tab of issue 16 did: a new device key written over the one that wraps the stored vault
     * key, with the vault record written again (its revision one higher), in one transaction.
     */
    public void replaceDeviceKeyAsIssue16Did() {
        Object result = page.asyncJs(OPEN
                + " crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt'])"
                + " .then(function (key) {"
                + "  var tx = db.transaction('kv', 'readwrite'); var store = tx.objectStore('kv');"
                + "  var get = store.get('vault'); get.onsuccess = function () {"
                + "   var record = get.result; record.revision = record.revision + 1;"
                + "   store.put(key, 'deviceKey'); store.put(record, 'vault'); };"
                + "  tx.oncomplete = function () { db.close(); done('ok'); };"
                + "  tx.onabort = function () { done('aborted ' + tx.error); }; }); };");
        if (!"ok".equals(result)) {
            throw new IllegalStateException("could not break the vault: " + result);
        }
    }

    /** Deletes one field of the stored vault record, as a damaged disk or another program might. */
    public void removeVaultField(String field) {
        Object result = page.asyncJs("var field = arguments[0];" + OPEN
                + " var tx = db.transaction('kv', 'readwrite'); var store = tx.objectStore('kv');"
                + " var get = store.get('vault'); get.onsuccess = function () {"
                + "  var record = get.result; delete record[field]; store.put(record, 'vault'); };"
                + " tx.oncomplete = function () { db.close(); done('ok'); };"
                + " tx.onabort = function () { done('aborted ' + tx.error); }; };", field);
        if (!"ok".equals(result)) {
            throw new IllegalStateException("could not damage the vault: " + result);
        }
    }

    /**
     * Tries the stored device key, as any script of the origin could, on every encrypted field of the vault record
     * (the wrapped vault key, an app lock's sealed key and slots, the vault itself): the names of the fields it
     * opens. Without an app lock that is "wrappedKey"; with one it must be none.
     */
    @SuppressWarnings("unchecked")
    public List<String> fieldsTheDeviceKeyAloneOpens() {
        Object result = page.asyncJs(OPEN
                + " var store = db.transaction('kv').objectStore('kv');"
                + " var vault = store.get('vault'), key = store.get('deviceKey');"
                + " key.onsuccess = function () { db.close(); var r = vault.result, k = key.result;"
                + "  function bytes(b64) { b64 = b64.replace(/-/g, '+').replace(/_/g, '/');"
                + "   while (b64.length % 4) b64 += '='; return Uint8Array.from(atob(b64), function (c) {"
                + "   return c.charCodeAt(0); }); }"
                + "  var fields = [];"
                + "  if (r.wrappedKey) fields.push(['wrappedKey', r.keyNonce, 'fob vault key v1', r.wrappedKey]);"
                + "  if (r.lock) { var lock = JSON.parse(r.lock);"
                + "   fields.push(['lock.sealedKey', r.keyNonce, 'fob vault key v1', bytes(lock.sealedKey)]);"
                + "   fields.push(['lock.sealedKey (its own nonce)', bytes(lock.nonce), 'fob app lock vault key v1',"
                + "    bytes(lock.sealedKey)]);"
                + "   lock.slots.forEach(function (s, i) { fields.push(['lock.slots[' + i + ']', bytes(s.nonce),"
                + "    'fob app lock ' + s.type + ' v1', bytes(s.wrappedKey)]); }); }"
                + "  fields.push(['ciphertext', r.nonce, 'fob vault v1', r.ciphertext]);"
                + "  var opened = [];"
                + "  Promise.all(fields.map(function (f) { return crypto.subtle.decrypt({name: 'AES-GCM', iv: f[1],"
                + "   additionalData: new TextEncoder().encode(f[2])}, k, f[3]).then(function () { opened.push(f[0]); },"
                + "   function () {}); })).then(function () { done(opened.sort()); }); }; };");
        if (!(result instanceof List)) {
            throw new IllegalStateException("could not read the vault record: " + result);
        }
        return (List<String>) result;
    }
}
