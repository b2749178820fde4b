package fob.backup;

/** Opened by a password through Argon2id: for encrypted export files. */
public final class PasswordSlot extends Slot {
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final byte[] salt;

    public PasswordSlot(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] nonce, byte[] wrappedKey) {
        super(nonce, wrappedKey);
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.salt = salt.clone();
    }

    @Override
    public String type() {
        return "password";
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

    public byte[] salt() {
        return salt.clone();
    }
}
