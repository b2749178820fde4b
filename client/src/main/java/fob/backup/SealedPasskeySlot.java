package fob.backup;

/**
 * Opened by a PRF-capable passkey, and sealable without it (docs/formats.md, "Sealed passkey slots"): the slot has
 * a P-256 key pair whose private key the passkey's PRF wraps; the vault key is sealed to the public key with an
 * ephemeral key, so any device can seal a new vault key to it.
 */
public final class SealedPasskeySlot extends Slot {
    public static final String TYPE = "passkey-sealed";
    private final byte[] credentialId;
    private final byte[] publicKey;
    private final byte[] privateKeyNonce;
    private final byte[] wrappedPrivateKey;
    private final byte[] ephemeralKey;

    public SealedPasskeySlot(byte[] credentialId, byte[] publicKey, byte[] privateKeyNonce, byte[] wrappedPrivateKey,
            byte[] ephemeralKey, byte[] nonce, byte[] wrappedKey) {
        super(nonce, wrappedKey);
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
}
