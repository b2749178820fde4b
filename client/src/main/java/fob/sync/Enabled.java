package fob.sync;

import fob.text.Text;

/** What turning backup on led to. */
public final class Enabled {
    /** The new recovery code, to show once; null when a backup already existed (then restore or merge it). */
    public final String recoveryCode;
    /** The backup already on the server, to restore or merge before backing up. */
    public final Restore existing;
    /** Whether the passkey could not open backups by itself (no PRF): restoring will need the code. */
    public final boolean passkeyWithoutPrf;

    Enabled(String recoveryCode, Restore existing, boolean passkeyWithoutPrf) {
        this.recoveryCode = recoveryCode;
        this.existing = existing;
        this.passkeyWithoutPrf = passkeyWithoutPrf;
    }

    /** What the person reads beside the new code; null for nothing. */
    public String note() {
        return passkeyWithoutPrf
                ? Text.t("Your passkey cannot open backups by itself, so restoring will need this code.") : null;
    }
}
