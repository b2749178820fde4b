package fob.imports;

/**
 * The key derivations that encrypted exports use. On the JVM: {@link BouncyCastleKdf}. In the browser the slow
 * ones (scrypt, Argon2id) run in the Wasm worker and PBKDF2 in WebCrypto.
 */
public interface Kdf {
    byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int length) throws ImportException;

    byte[] pbkdf2Sha256(byte[] password, byte[] salt, int iterations, int length) throws ImportException;

    byte[] argon2id(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
            throws ImportException;
}
