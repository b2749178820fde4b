package fob.backup;

/**
 * One link of a backup's key chain (docs/formats.md, "The key hierarchy"): the vault key before a rotation, sealed
 * under the key after it. A device that adopts a rotated key walks the chain down to the key it holds, which shows
 * the rotation was made by someone who held that key, not by whoever can seal to a passkey slot's public key.
 */
public final class PreviousKey {
    private final byte[] nonce;
    private final byte[] wrappedKey;

    public PreviousKey(byte[] nonce, byte[] wrappedKey) {
        this.nonce = nonce.clone();
        this.wrappedKey = wrappedKey.clone();
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }
}
