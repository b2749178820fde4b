package fob.web.lock;

import fob.lock.PasswordLockSlot;
import fob.web.worker.Worker;
import fob.web.worker.WorkerException;
import java.nio.charset.StandardCharsets;

/** Argon2id of a lock password, in the worker, so the page stays responsive for the second or so it takes. */
public final class LockPasswords {
    private final Worker worker;

    public LockPasswords(Worker worker) {
        this.worker = worker;
    }

    /** The key of {@code password} for an existing slot, at the slot's own parameters. */
    public byte[] key(String password, PasswordLockSlot slot) throws WorkerException {
        return worker.argon2id(password.getBytes(StandardCharsets.UTF_8), slot.salt(), slot.memoryKiB(),
                slot.iterations(), slot.parallelism(), 32);
    }

    /** The key of {@code password} for a new slot with {@code salt}, at the lock's parameters (64 MiB, t=3, p=1). */
    public byte[] newKey(String password, byte[] salt) throws WorkerException {
        return worker.argon2id(password.getBytes(StandardCharsets.UTF_8), salt, PasswordLockSlot.MEMORY_KIB,
                PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM, 32);
    }
}
