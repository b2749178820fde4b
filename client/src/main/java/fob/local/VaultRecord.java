package fob.local;

/**
 * The vault as this browser stores it (docs/formats.md, "The vault in the browser"): the vault key wrapped by the
 * device key (format 1) or, with an app lock, inside the lock's JSON (format 2), and the vault encrypted under the
 * vault key, in one record so that one write replaces both or neither. The arrays are handed over, not copied:
 * nothing changes them once a record is made. Read back from storage, a field the stored record lacks is null: the
 * keeper finds such a record unreadable.
 */
public final class VaultRecord {
    /** The vault key wrapped by the device key alone. */
    public static final int PLAIN = 1;
    /** Locked: the device-wrapped vault key is only inside the app lock, sealed under the lock key. */
    public static final int LOCKED = 2;

    private final int format;
    private final long revision;
    private final byte[] keyNonce;
    private final byte[] wrappedKey;
    private final String lock;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private VaultRecord(int format, long revision, byte[] keyNonce, byte[] wrappedKey, String lock, byte[] nonce,
            byte[] ciphertext) {
        this.format = format;
        this.revision = revision;
        this.keyNonce = keyNonce;
        this.wrappedKey = wrappedKey;
        this.lock = lock;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    public static VaultRecord plain(long revision, byte[] keyNonce, byte[] wrappedKey, byte[] nonce,
            byte[] ciphertext) {
        return new VaultRecord(PLAIN, revision, keyNonce, wrappedKey, null, nonce, ciphertext);
    }

    public static VaultRecord locked(long revision, byte[] keyNonce, String lock, byte[] nonce, byte[] ciphertext) {
        return new VaultRecord(LOCKED, revision, keyNonce, null, lock, nonce, ciphertext);
    }

    public int format() {
        return format;
    }

    /** Counts writes, so that a tab notices when another tab wrote first. */
    public long revision() {
        return revision;
    }

    public byte[] keyNonce() {
        return keyNonce;
    }

    /** The vault key wrapped by the device key; null in a locked record. */
    public byte[] wrappedKey() {
        return wrappedKey;
    }

    /** The app lock's JSON (docs/formats.md, "The app lock"), which holds the wrapped key; null without a lock. */
    public String lock() {
        return lock;
    }

    public byte[] nonce() {
        return nonce;
    }

    public byte[] ciphertext() {
        return ciphertext;
    }
}
