package fob.kdf;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) through BouncyCastle. In the browser it runs in the Wasm worker, where
 * TeaVM's 64-bit arithmetic is native; the JS target would be an order of magnitude slower.
 */
public final class Argon2id {
    public static final int MIN_MEMORY_KIB = 8;
    /** 1 GiB: beyond what a browser tab can be sure to get, and a bound on what a crafted file can ask for. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    private Argon2id() {
    }

    public static byte[] derive(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism,
            int length) {
        return derive(password, salt, null, null, memoryKiB, iterations, parallelism, length);
    }

    /** With RFC 9106's optional secret value K and associated data X (null for none). */
    public static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, int length) {
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB || memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 memory must be from " + MIN_MEMORY_KIB + " KiB (and 8 KiB per"
                    + " lane) to " + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be from 1 to " + MAX_ITERATIONS);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be from 1 to " + MAX_PARALLELISM);
        }
        if (salt == null || salt.length < 8) {
            throw new IllegalArgumentException("Argon2 needs a salt of at least 8 bytes");
        }
        if (length < 4 || length > 1024) {
            throw new IllegalArgumentException("Argon2 output must be from 4 to 1024 bytes");
        }
        Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism);
        if (secret != null) {
            parameters.withSecret(secret);
        }
        if (associatedData != null) {
            parameters.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
