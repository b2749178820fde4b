package fob.backup;

/**
 * One way to open a backup: the vault key, wrapped (AES-256-GCM) under a key that one credential yields.
 * docs/formats.md, "The backup envelope".
 */
public abstract class Slot {
    private final byte[] nonce;
    private final byte[] wrappedKey;

    Slot(byte[] nonce, byte[] wrappedKey) {
        this.nonce = nonce.clone();
        this.wrappedKey = wrappedKey.clone();
    }

    /** The JSON "type" of the slot. */
    public abstract String type();

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }
}
