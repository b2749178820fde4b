package fob.lock;

/**
 * One way to unlock: the lock key, wrapped (AES-256-GCM) under a key that one secret yields, a password or a
 * passkey's PRF output. docs/formats.md, "The app lock".
 */
public abstract class LockSlot {
    private final byte[] nonce;
    private final byte[] wrappedKey;

    LockSlot(byte[] nonce, byte[] wrappedKey) {
        this.nonce = nonce.clone();
        this.wrappedKey = wrappedKey.clone();
    }

    /** The JSON "type" of the slot. */
    public abstract String type();

    /** The associated data of this slot's wrapping: its type, so that a slot cannot pass for another kind. */
    abstract byte[] associatedData();

    byte[] nonce() {
        return nonce.clone();
    }

    byte[] wrappedKey() {
        return wrappedKey.clone();
    }
}
