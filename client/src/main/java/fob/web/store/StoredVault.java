package fob.web.store;

import org.teavm.jso.JSObject;

/**
 * A {@link fob.local.VaultRecord} as IndexedDB holds it (docs/formats.md, "The vault record in IndexedDB"); read
 * and made by {@link StoredVaults}, field by field, so that a damaged record reads as incomplete instead of failing.
 */
interface StoredVault extends JSObject {
}
