package fob.web.store;

import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/** AES-256-GCM through the browser's WebCrypto; teavm-jso-apis has no binding for crypto.subtle. */
final class WebCrypto {
    private WebCrypto() {
    }

    /** A new AES-256-GCM key that can never be exported: scripts can use it but not read it. */
    @JSBody(script = "return crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']);")
    static native JSPromise<CryptoKey> generateNonExtractableKey();

    @JSBody(params = "raw", script = "return crypto.subtle.importKey('raw', raw, {name: 'AES-GCM'}, false,"
            + " ['encrypt', 'decrypt']);")
    static native JSPromise<CryptoKey> importKey(Int8Array raw);

    @JSBody(params = {"key", "nonce", "associatedData", "plaintext"}, script = "return crypto.subtle.encrypt("
            + "{name: 'AES-GCM', iv: nonce, additionalData: associatedData, tagLength: 128}, key, plaintext);")
    static native JSPromise<ArrayBuffer> encrypt(CryptoKey key, Int8Array nonce, Int8Array associatedData,
            Int8Array plaintext);

    @JSBody(params = {"key", "nonce", "associatedData", "ciphertext"}, script = "return crypto.subtle.decrypt("
            + "{name: 'AES-GCM', iv: nonce, additionalData: associatedData, tagLength: 128}, key, ciphertext);")
    static native JSPromise<ArrayBuffer> decrypt(CryptoKey key, Int8Array nonce, Int8Array associatedData,
            Int8Array ciphertext);
}
