/**
 * IndexedDB and WebCrypto adapters: {@link fob.web.store.IndexedDbRecords} and {@link fob.web.store.WebCryptoKeys}
 * carry out what {@link fob.local.VaultKeeper} decides; the sync state and this browser's preferences are stored
 * beside the vault. Adapters only: no decision here that a JVM test could not reach.
 */
package fob.web.store;
