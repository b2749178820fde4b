package fob.backup;

import fob.text.Text;

/**
 * A backup whose key nothing of the person's vouches for: a passkey slot whose anchor does not open with the passkey,
 * or whose key does not lead to its anchor through the key chain. Someone who can write the backup (the server, a
 * stolen session) sealed a key of their own to the slot's public key; its contents are never used.
 */
public final class UntrustedBackupException extends BackupException {
    public UntrustedBackupException() {
        super(Text.t("This backup was not made by your devices: it was changed on the server. Fob did not open it,"
                + " and uploaded nothing over it"));
    }
}
