package fob.local;

/**
 * AES-256-GCM with keys whose bytes the browser never lets out (WebCrypto keys made non-extractable): the device
 * key, which wraps the vault key, and the vault key once imported. Keys are opaque handles here.
 */
public interface DeviceKeys {
    /** A key this port made or imported; only the port that made it can use it. */
    interface Key {
    }

    /** A new random key that can never be exported. */
    Key newDeviceKey() throws StorageFailure;

    /** Imports a vault key's bytes as a key that can never be exported again; the caller wipes the bytes. */
    Key importKey(byte[] raw) throws StorageFailure;

    /** The ciphertext followed by the 16-byte tag. */
    byte[] seal(Key key, byte[] nonce, byte[] associatedData, byte[] plaintext) throws StorageFailure;

    /** Opens what {@link #seal} made; a wrong key, nonce, data or tag is a failure. */
    byte[] open(Key key, byte[] nonce, byte[] associatedData, byte[] sealed) throws StorageFailure;

    /** {@link #open}, then the plaintext read as UTF-8 (the browser decodes it natively, a large vault at once). */
    String openText(Key key, byte[] nonce, byte[] associatedData, byte[] sealed) throws StorageFailure;
}
