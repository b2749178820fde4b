package fob.web.store;

import fob.local.DeviceKeys;
import fob.local.StorageFailure;
import fob.web.js.BrowserJson;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/** {@link DeviceKeys} on WebCrypto: every key is a non-extractable {@code CryptoKey}. */
public final class WebCryptoKeys implements DeviceKeys {
    /** A WebCrypto key behind the port's handle. */
    static final class BrowserKey implements DeviceKeys.Key {
        final CryptoKey key;

        BrowserKey(CryptoKey key) {
            this.key = key;
        }
    }

    static BrowserKey wrap(CryptoKey key) {
        return key == null ? null : new BrowserKey(key);
    }

    static CryptoKey unwrap(DeviceKeys.Key key) {
        return key == null ? null : ((BrowserKey) key).key;
    }

    @Override
    public Key newDeviceKey() throws StorageFailure {
        try {
            return wrap(Promises.await(WebCrypto.generateNonExtractableKey()));
        } catch (JsFailure e) {
            throw IndexedDbRecords.failure(e);
        }
    }

    @Override
    public Key importKey(byte[] raw) throws StorageFailure {
        try {
            return wrap(Promises.await(WebCrypto.importKey(Int8Array.copyFromJavaArray(raw))));
        } catch (JsFailure e) {
            throw IndexedDbRecords.failure(e);
        }
    }

    @Override
    public byte[] seal(Key key, byte[] nonce, byte[] associatedData, byte[] plaintext) throws StorageFailure {
        try {
            ArrayBuffer sealed = Promises.await(WebCrypto.encrypt(unwrap(key), Int8Array.copyFromJavaArray(nonce),
                    Int8Array.copyFromJavaArray(associatedData), Int8Array.copyFromJavaArray(plaintext)));
            return new Int8Array(sealed).copyToJavaArray();
        } catch (JsFailure e) {
            throw IndexedDbRecords.failure(e);
        }
    }

    @Override
    public byte[] open(Key key, byte[] nonce, byte[] associatedData, byte[] sealed) throws StorageFailure {
        return new Int8Array(decrypt(key, nonce, associatedData, sealed)).copyToJavaArray();
    }

    @Override
    public String openText(Key key, byte[] nonce, byte[] associatedData, byte[] sealed) throws StorageFailure {
        ArrayBuffer opened = decrypt(key, nonce, associatedData, sealed);
        fob.web.js.Browser.mark("fob-vault-decrypted");
        return BrowserJson.utf8(new Int8Array(opened));
    }

    private static ArrayBuffer decrypt(Key key, byte[] nonce, byte[] associatedData, byte[] sealed)
            throws StorageFailure {
        try {
            return Promises.await(WebCrypto.decrypt(unwrap(key), Int8Array.copyFromJavaArray(nonce),
                    Int8Array.copyFromJavaArray(associatedData), Int8Array.fromJavaArray(sealed)));
        } catch (JsFailure e) {
            throw IndexedDbRecords.failure(e);
        }
    }
}
