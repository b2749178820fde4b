package fob.backup;

/**
 * Opened by a PRF-capable passkey, and sealable without it (docs/formats.md, "Sealed passkey slots"): the slot has
 * a P-256 key pair whose private key the passkey's PRF wraps; the vault key is sealed to the public key with an
 * ephemeral key, so any device can seal a new vault key to it. Because anyone can, the key sealed to it proves
 * nothing by itself: from version 5 the slot also carries an <em>anchor</em>, a vault key of the backup sealed
 * under the passkey's PRF, which only a device holding that passkey can have written. A sealed key is trusted only
 * when it is the anchor or the key chain leads from it to the anchor ({@link VaultKeyCheck}).
 */
public final class SealedPasskeySlot extends Slot {
    public static final String TYPE = "passkey-sealed";
    private final byte[] credentialId;
    private final byte[] publicKey;
    private final byte[] privateKeyNonce;
    private final byte[] wrappedPrivateKey;
    private final byte[] ephemeralKey;
    private final byte[] anchorNonce;
    private final byte[] anchor;

    /** A slot without an anchor (as written before version 5). */
    public SealedPasskeySlot(byte[] credentialId, byte[] publicKey, byte[] privateKeyNonce, byte[] wrappedPrivateKey,
            byte[] ephemeralKey, byte[] nonce, byte[] wrappedKey) {
        this(credentialId, publicKey, privateKeyNonce, wrappedPrivateKey, ephemeralKey, nonce, wrappedKey, null, null);
    }

    /** {@code anchorNonce} and {@code anchor} are both null (no anchor) or both set. */
    public SealedPasskeySlot(byte[] credentialId, byte[] publicKey, byte[] privateKeyNonce, byte[] wrappedPrivateKey,
            byte[] ephemeralKey, byte[] nonce, byte[] wrappedKey, byte[] anchorNonce, byte[] anchor) {
        super(nonce, wrappedKey);
        if ((anchorNonce == null) != (anchor == null)) {
            throw new IllegalArgumentException("an anchor needs its nonce");
        }
        this.anchorNonce = anchorNonce == null ? null : anchorNonce.clone();
        this.anchor = anchor == null ? null : anchor.clone();
        this.credentialId = credentialId.clone();
        this.publicKey = publicKey.clone();
        this.privateKeyNonce = privateKeyNonce.clone();
        this.wrappedPrivateKey = wrappedPrivateKey.clone();
        this.ephemeralKey = ephemeralKey.clone();
    }

    @Override
    public String type() {
        return TYPE;
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    /** The slot's P-256 public key (65 bytes, uncompressed): what a new vault key is sealed to. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] privateKeyNonce() {
        return privateKeyNonce.clone();
    }

    /** The slot's private scalar, sealed under the passkey's wrapping key, the public key authenticated. */
    public byte[] wrappedPrivateKey() {
        return wrappedPrivateKey.clone();
    }

    /** The ephemeral public key the current vault key was sealed with. */
    public byte[] ephemeralKey() {
        return ephemeralKey.clone();
    }

    /** Whether the slot carries an anchor (version 5): a vault key that only this passkey's PRF can have sealed. */
    public boolean hasAnchor() {
        return anchor != null;
    }

    /** The anchor's nonce, or null. */
    public byte[] anchorNonce() {
        return anchorNonce == null ? null : anchorNonce.clone();
    }

    /** The anchor: a vault key of this backup sealed under a key derived from the passkey's PRF, or null. */
    public byte[] anchor() {
        return anchor == null ? null : anchor.clone();
    }
}
