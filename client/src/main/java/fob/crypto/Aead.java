package fob.crypto;

/**
 * Symmetric sealing as Fob's formats use it: AES-256-GCM, with HKDF-SHA256 to derive its keys and a source of
 * random bytes for its keys and nonces. Two implementations: {@link BouncyCastleAead} (the JVM, and the reference
 * for the test vectors) and the browser's WebCrypto (in the browser layer), which must agree with it byte for byte.
 */
public interface Aead {
    /** AES-256-GCM with a 12-byte nonce; the result is the ciphertext followed by the 16-byte tag. */
    byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext);

    /** Opens what {@link #seal} made; throws when the key, nonce, data or tag do not match. */
    byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] sealed) throws DecryptionException;

    /** HKDF-SHA256 (RFC 5869). */
    byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length);

    byte[] random(int length);
}
