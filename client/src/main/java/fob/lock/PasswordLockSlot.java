package fob.lock;

import java.nio.charset.StandardCharsets;

/** Unlocked by a password through Argon2id (its parameters are kept here, so that they can grow later). */
public final class PasswordLockSlot extends LockSlot {
    static final byte[] ASSOCIATED_DATA = "fob app lock password v1".getBytes(StandardCharsets.US_ASCII);
    /** Argon2id as issue 13 and docs/formats.md set it for the lock: 64 MiB, 3 passes, 1 lane. */
    public static final int MEMORY_KIB = 65536;
    public static final int ITERATIONS = 3;
    public static final int PARALLELISM = 1;
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final byte[] salt;
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    PasswordLockSlot(byte[] salt, int memoryKiB, int iterations, int parallelism, byte[] nonce, byte[] wrappedKey) {
        super(nonce, wrappedKey);
        this.salt = salt.clone();
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    @Override
    public String type() {
        return "password";
    }

    @Override
    byte[] associatedData() {
        return ASSOCIATED_DATA.clone();
    }

    public byte[] salt() {
        return salt.clone();
    }

    public int memoryKiB() {
        return memoryKiB;
    }

    public int iterations() {
        return iterations;
    }

    public int parallelism() {
        return parallelism;
    }
}
