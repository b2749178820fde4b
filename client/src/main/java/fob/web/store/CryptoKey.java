package fob.web.store;

import org.teavm.jso.JSObject;

/** A WebCrypto key; for Fob's keys the browser never lets its bytes out. */
public interface CryptoKey extends JSObject {
}
