package fob.crypto;

/**
 * ECDH on P-256, for sealing a new vault key to a passkey slot without that passkey at hand. Two implementations:
 * {@link BouncyCastleEcdh} (the JVM, and the reference for the test vector) and WebCrypto's (in the browser layer).
 * It is apart from {@link Aead} so that the import worker, which never meets a sealed slot, does not carry it.
 */
public interface Ecdh {
    EcKeyPair newKeyPair();

    /**
     * The shared secret: the 32-byte x-coordinate of own.private times peerPublic. Throws when peerPublic is not a
     * point on the curve.
     */
    byte[] sharedSecret(EcKeyPair own, byte[] peerPublic) throws InvalidPointException;
}
