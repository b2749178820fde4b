package fob.local;

import fob.text.Text;

/** The vault has an app lock and this page does not hold its key: nothing is read or written until it unlocks. */
public final class LockedVaultException extends StorageException {
    public LockedVaultException() {
        super(Text.t("Fob is locked. Unlock it to see and change your accounts."));
    }
}
