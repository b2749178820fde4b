package fob.backup;

/** Opened by the recovery code the user wrote down: the way back without a PRF-capable passkey. */
public final class RecoveryCodeSlot extends Slot {
    private final byte[] salt;

    public RecoveryCodeSlot(byte[] salt, byte[] nonce, byte[] wrappedKey) {
        super(nonce, wrappedKey);
        this.salt = salt.clone();
    }

    @Override
    public String type() {
        return "recovery-code";
    }

    public byte[] salt() {
        return salt.clone();
    }
}
