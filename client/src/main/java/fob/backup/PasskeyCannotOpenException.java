package fob.backup;

/**
 * This passkey gives no trusted way into the backup (no slot of its own, no PRF, a slot its PRF does not open, or a
 * sealed slot written before anchors): the recovery code is the way in. Not a sign of tampering by itself.
 */
public final class PasskeyCannotOpenException extends BackupException {
    public PasskeyCannotOpenException(String message) {
        super(message);
    }
}
