package fob.web.store;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The vault as IndexedDB holds it: the vault key wrapped by the device key (and, with an app lock, sealed once
 * more under the lock key), and the vault encrypted under the vault key, in one record so that one write replaces
 * both or neither.
 */
interface StoredVault extends JSObject {
    @JSProperty
    int getFormat();

    /** Counts writes, so that a tab notices when another tab wrote first. */
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
