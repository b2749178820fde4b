package fob.imports;

import fob.kdf.Argon2id;
import fob.text.Text;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/** {@link Kdf} with BouncyCastle: the JVM's implementation, and the worker's (through worker.wasm). */
public final class BouncyCastleKdf implements Kdf {
    /** scrypt's cost is 128 * n * r bytes of memory; a crafted file must not ask for more than a browser has. */
    public static final long MAX_SCRYPT_BYTES = 1L << 30;

    @Override
    public byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int length) throws ImportException {
        if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || p > 16 || 128L * n * r > MAX_SCRYPT_BYTES) {
            throw new ImportException(Text.t("The file asks for scrypt settings Fob will not run (n={0}, r={1}, p={2})",
                    n, r, p));
        }
        return SCrypt.generate(password, salt, n, r, p, length);
    }

    @Override
    public byte[] pbkdf2Sha256(byte[] password, byte[] salt, int iterations, int length) throws ImportException {
        if (iterations < 1 || iterations > 10_000_000) {
            throw new ImportException(Text.t("The file asks for {0} PBKDF2 iterations", iterations));
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }

    @Override
    public byte[] argon2id(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
            throws ImportException {
        try {
            return Argon2id.derive(password, salt, memoryKiB, iterations, parallelism, length);
        } catch (IllegalArgumentException e) {
            throw new ImportException(Text.t("The file asks for Argon2 settings Fob will not run: {0}",
                    e.getMessage()));
        }
    }
}
