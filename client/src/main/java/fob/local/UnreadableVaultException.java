package fob.local;

import fob.text.Text;

/**
 * The stored vault exists but cannot be opened here (its key is missing or does not fit, or its contents cannot be
 * read). Fob then writes nothing over it: only {@link VaultKeeper#startOver} and a restore into a new vault replace
 * it, and both keep the unreadable record aside.
 */
public final class UnreadableVaultException extends StorageException {
    public UnreadableVaultException(String reason) {
        super(Text.t("Fob's vault in this browser cannot be opened ({0}). Nothing was changed, and Fob will not write"
                + " over it.", reason));
    }
}
