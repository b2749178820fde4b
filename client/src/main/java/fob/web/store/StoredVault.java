package fob.web.store;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.Int8Array;

/** A {@link fob.local.VaultRecord} as IndexedDB holds it (docs/formats.md, "The vault in the browser"). */
interface StoredVault extends JSObject {
    @JSProperty
    int getFormat();

    @JSProperty
    double getRevision();

    @JSProperty
    Int8Array getKeyNonce();

    /** Format 1 only: the vault key wrapped by the device key. A locked record (format 2) has none. */
    @JSProperty
    Int8Array getWrappedKey();

    @JSProperty
    Int8Array getNonce();

    @JSProperty
    Int8Array getCiphertext();
}
