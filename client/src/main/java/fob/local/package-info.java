/**
 * The vault in this browser: {@link fob.local.VaultKeeper} decides what is read and written (keys, the record, the
 * app lock's seal, records that cannot be opened), {@link fob.local.VaultSession} applies each change to the newest
 * vault with one retry, and {@link fob.local.RecordStorage} and {@link fob.local.DeviceKeys} are the ports the page's
 * IndexedDB and WebCrypto adapters fill. May use fob.crypto, fob.lock, fob.vault, fob.text; never the browser.
 */
package fob.local;
