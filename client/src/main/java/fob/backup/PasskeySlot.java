package fob.backup;

/** Opened by a PRF-capable passkey: the wrapping key comes from its PRF output. */
public final class PasskeySlot extends Slot {
    private final byte[] credentialId;

    public PasskeySlot(byte[] credentialId, byte[] nonce, byte[] wrappedKey) {
        super(nonce, wrappedKey);
        this.credentialId = credentialId.clone();
    }

    @Override
    public String type() {
        return "passkey";
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }
}
