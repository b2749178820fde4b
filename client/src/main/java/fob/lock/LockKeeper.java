package fob.lock;

import fob.crypto.Aead;
import fob.text.Text;

/**
 * What one page knows of the app lock: the lock as it last read or wrote it, and the lock key, held only while
 * the page is unlocked. Every read of the vault record passes through {@link #read}, so a page that another tab
 * locked, or whose lock another tab replaced, is locked too. Plain Java: the page's store and the model test use it.
 */
public final class LockKeeper {
    /** Where the page stands. */
    public enum State {
        /** The vault has no lock: the device key alone opens it. */
        NONE,
        /** The vault has a lock and this page does not hold its key: nothing of the vault may be read or written. */
        LOCKED,
        UNLOCKED
    }

    /** A lock made by this page and not stored yet, with the key that opens it. */
    public static final class Change {
        public final AppLock lock;
        final byte[] lockKey;

        Change(AppLock lock, byte[] lockKey) {
            this.lock = lock;
            this.lockKey = lockKey;
        }
    }

    private final Aead crypto;
    private AppLock lock;
    private byte[] lockKey;

    public LockKeeper(Aead crypto) {
        this.crypto = crypto;
    }

    /** After each read of the record ({@code stored} is its lock, or null): the lock key is kept only if it opens it. */
    public void read(AppLock stored) {
        lock = stored;
        if (stored == null) {
            lockKey = null;
        } else if (lockKey != null) {
            try {
                stored.deviceWrappedKey(crypto, lockKey);
            } catch (WrongSecretException e) {
                lockKey = null;
            }
        }
    }

    public State state() {
        return lock == null ? State.NONE : lockKey == null ? State.LOCKED : State.UNLOCKED;
    }

    /** The lock as last read or written; null when the vault has none. */
    public AppLock lock() {
        return lock;
    }

    /** The vault key as the device key wraps it, from the lock; only while unlocked. */
    public byte[] deviceWrappedKey() throws WrongSecretException {
        if (state() != State.UNLOCKED) {
            throw new WrongSecretException(Text.t("Fob is locked"));
        }
        return lock.deviceWrappedKey(crypto, lockKey);
    }

    /** Unlocks with a password's key (Argon2id at the slot's parameters); a wrong one changes nothing. */
    public void unlockWithPassword(byte[] passwordKey) throws WrongSecretException {
        unlocked(requireLock().openWithPassword(crypto, passwordKey));
    }

    /** Unlocks with a passkey's PRF output; a wrong passkey changes nothing. */
    public void unlockWithPasskey(byte[] credentialId, byte[] prf) throws WrongSecretException {
        unlocked(requireLock().openWithPasskey(crypto, credentialId, prf));
    }

    /** Checks a password without changing anything: turning the lock off asks for it again. */
    public void checkPassword(byte[] passwordKey) throws WrongSecretException {
        requireLock().openWithPassword(crypto, passwordKey);
    }

    public void checkPasskey(byte[] credentialId, byte[] prf) throws WrongSecretException {
        requireLock().openWithPasskey(crypto, credentialId, prf);
    }

    private AppLock requireLock() throws WrongSecretException {
        if (lock == null) {
            throw new WrongSecretException(Text.t("Fob has no lock"));
        }
        return lock;
    }

    private void unlocked(byte[] key) throws WrongSecretException {
        lock.deviceWrappedKey(crypto, key);
        lockKey = key;
    }

    /** Forgets the lock key: the page must unlock again before it reads or writes the vault. */
    public void forgetKey() {
        lockKey = null;
    }

    /**
     * The lock with a password slot added (or replaced). Without a lock yet, a new one over
     * {@code deviceWrappedKey} with a new lock key; with one, it must be unlocked.
     */
    public Change withPassword(byte[] deviceWrappedKey, byte[] passwordKey, byte[] salt, int memoryKiB,
            int iterations, int parallelism) throws WrongSecretException {
        Change base = base(deviceWrappedKey);
        return new Change(base.lock.withPassword(crypto, base.lockKey, passwordKey, salt, memoryKiB, iterations,
                parallelism), base.lockKey);
    }

    public Change withPasskey(byte[] deviceWrappedKey, byte[] credentialId, byte[] prf)
            throws WrongSecretException, LockFormatException {
        Change base = base(deviceWrappedKey);
        return new Change(base.lock.withPasskey(crypto, base.lockKey, credentialId, prf), base.lockKey);
    }

    /** The lock over a new device-wrapped vault key (a restore replaced the vault key); null without a lock. */
    public Change resealed(byte[] deviceWrappedKey) throws WrongSecretException {
        if (lock == null) {
            return null;
        }
        if (lockKey == null) {
            throw new WrongSecretException(Text.t("Fob is locked"));
        }
        return new Change(lock.resealed(crypto, lockKey, deviceWrappedKey), lockKey);
    }

    private Change base(byte[] deviceWrappedKey) throws WrongSecretException {
        if (lock == null) {
            byte[] key = AppLock.newLockKey(crypto);
            return new Change(AppLock.over(crypto, key, deviceWrappedKey), key);
        }
        if (lockKey == null) {
            throw new WrongSecretException(Text.t("Fob is locked"));
        }
        return new Change(lock, lockKey);
    }

    /** After {@code change} (or no lock, for null) was stored. */
    public void written(Change change) {
        lock = change == null ? null : change.lock;
        lockKey = change == null ? null : change.lockKey;
    }
}
