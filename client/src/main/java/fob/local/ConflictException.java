package fob.local;

import fob.text.Text;

/** Another tab saved first, so nothing was written: read what it saved and apply the change again. */
public final class ConflictException extends StorageException {
    public ConflictException() {
        super(Text.t("Fob was changed in another tab."));
    }
}
