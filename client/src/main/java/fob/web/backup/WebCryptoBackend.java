package fob.web.backup;

import fob.crypto.Aead;
import fob.crypto.DecryptionException;
import fob.text.Text;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import java.security.SecureRandom;
import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * {@link Aead} with the browser's WebCrypto: native AES-GCM and HKDF. The end-to-end tests check that it
 * opens the JVM's envelopes (the fixed vector) and that the JVM opens its own.
 */
public final class WebCryptoBackend implements Aead {
    private static final SecureRandom RANDOM = new SecureRandom();

    @JSBody(params = {"key", "nonce", "data", "input", "encrypt"}, script = ""
            + "return crypto.subtle.importKey('raw', key, 'AES-GCM', false, [encrypt ? 'encrypt' :"
            + " 'decrypt']).then(function (k) { var p = {name: 'AES-GCM', iv: nonce, additionalData: data, tagLength:"
            + " 128}; return encrypt ? crypto.subtle.encrypt(p, k, input) : crypto.subtle.decrypt(p, k, input); });")
    private static native JSPromise<ArrayBuffer> aesGcm(Int8Array key, Int8Array nonce, Int8Array data,
            Int8Array input, boolean encrypt);

    @JSBody(params = {"ikm", "salt", "info", "bits"}, script = ""
            + "return crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']).then(function (k) { return"
            + " crypto.subtle.deriveBits({name: 'HKDF', hash: 'SHA-256', salt: salt, info: info}, k, bits); });")
    private static native JSPromise<ArrayBuffer> hkdfBits(Int8Array ikm, Int8Array salt, Int8Array info, int bits);

    private static Int8Array js(byte[] bytes) {
        return Int8Array.copyFromJavaArray(bytes);
    }

    private static byte[] java(ArrayBuffer buffer) {
        return new Int8Array(buffer).copyToJavaArray();
    }

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        try {
            return java(Promises.await(aesGcm(js(key), js(nonce), js(associatedData), js(plaintext), true)));
        } catch (JsFailure e) {
            throw new IllegalStateException(Text.t("WebCrypto could not encrypt: {0}", e.getMessage()));
        }
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] sealed) throws DecryptionException {
        try {
            return java(Promises.await(aesGcm(js(key), js(nonce), js(associatedData), js(sealed), false)));
        } catch (JsFailure e) {
            throw new DecryptionException();
        }
    }

    @Override
    public byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
        try {
            return java(Promises.await(hkdfBits(js(inputKey), js(salt), js(info), length * 8)));
        } catch (JsFailure e) {
            throw new IllegalStateException(Text.t("WebCrypto could not derive a key: {0}", e.getMessage()));
        }
    }

    @Override
    public byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
