package fob.web.store;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;

/** Makes {@link StoredVault} records. */
final class StoredVaults {
    private StoredVaults() {
    }

    @JSBody(params = {"revision", "keyNonce", "wrappedKey", "nonce", "ciphertext"}, script = "return {format: 1,"
            + " revision: revision, keyNonce: keyNonce, wrappedKey: wrappedKey, nonce: nonce, ciphertext: ciphertext,"
            + " savedAt: Date.now()};")
    static native StoredVault create(double revision, Int8Array keyNonce, Int8Array wrappedKey, Int8Array nonce,
            Int8Array ciphertext);
}
