package fob.crypto;

/**
 * A P-256 key pair for ECDH: the 32-byte private scalar (big-endian) and the 65-byte uncompressed public point.
 * WebCrypto needs the public point to import the private key, so the two travel together.
 */
public final class EcKeyPair {
    private final byte[] privateKey;
    private final byte[] publicKey;

    public EcKeyPair(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey.clone();
        this.publicKey = publicKey.clone();
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }
}
