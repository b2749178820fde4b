package fob.web.backup;

import fob.crypto.EcKeyPair;
import fob.crypto.Ecdh;
import fob.crypto.InvalidPointException;
import fob.text.Text;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * {@link Ecdh} with the browser's WebCrypto (P-256 ECDH, in Chromium, Firefox and Safari alike). The private key is
 * imported as a JWK, which needs the public point beside it; the end-to-end tests open the page's sealed slots with
 * the JVM's implementation.
 */
final class WebCryptoEcdh implements Ecdh {
    private interface Pair extends JSObject {
        @JSProperty("d")
        ArrayBuffer privateKey();

        @JSProperty("pub")
        ArrayBuffer publicKey();
    }

    @JSBody(script = ""
            + "var b64 = function (s) { s = s.replace(/-/g, '+').replace(/_/g, '/'); while (s.length % 4) s += '=';"
            + " return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); }).buffer; };return"
            + " crypto.subtle.generateKey({name: 'ECDH', namedCurve: 'P-256'}, true, ['deriveBits']).then(function"
            + " (pair) { return Promise.all([crypto.subtle.exportKey('jwk', pair.privateKey),"
            + " crypto.subtle.exportKey('raw', pair.publicKey)]); }).then(function (keys) { return {d: b64(keys[0].d),"
            + " pub: keys[1]}; });")
    private static native JSPromise<Pair> generate();

    @JSBody(params = {"d", "pub", "peer"}, script = ""
            + "var b64 = function (bytes) { var s = ''; for (var i = 0; i < bytes.length; i++) s +="
            + " String.fromCharCode(bytes[i] & 255); return btoa(s).replace(/\\+/g, '-').replace(/\\//g,"
            + " '_').replace(/=+$/, ''); };var jwk = {kty: 'EC', crv: 'P-256', d: b64(d), x: b64(pub.subarray(1, 33)),"
            + " y: b64(pub.subarray(33, 65)), ext: false};return Promise.all([crypto.subtle.importKey('jwk', jwk,"
            + " {name: 'ECDH', namedCurve: 'P-256'}, false, ['deriveBits']), crypto.subtle.importKey('raw', peer,"
            + " {name: 'ECDH', namedCurve: 'P-256'}, false, [])]).then(function (keys) { return"
            + " crypto.subtle.deriveBits({name: 'ECDH', public: keys[1]}, keys[0], 256); });")
    private static native JSPromise<ArrayBuffer> derive(Int8Array d, Int8Array pub, Int8Array peer);

    @Override
    public EcKeyPair newKeyPair() {
        try {
            Pair pair = Promises.await(generate());
            return new EcKeyPair(new Int8Array(pair.privateKey()).copyToJavaArray(),
                    new Int8Array(pair.publicKey()).copyToJavaArray());
        } catch (JsFailure e) {
            throw new IllegalStateException(Text.t("WebCrypto could not make a P-256 key pair: {0}", e.getMessage()));
        }
    }

    @Override
    public byte[] sharedSecret(EcKeyPair own, byte[] peerPublic) throws InvalidPointException {
        try {
            return new Int8Array(Promises.await(derive(Int8Array.copyFromJavaArray(own.privateKey()),
                    Int8Array.copyFromJavaArray(own.publicKey()), Int8Array.copyFromJavaArray(peerPublic))))
                    .copyToJavaArray();
        } catch (JsFailure e) {
            throw new InvalidPointException(e.getMessage());
        }
    }
}
