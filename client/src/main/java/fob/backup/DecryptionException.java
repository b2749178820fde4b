package fob.backup;

import fob.text.Text;

/** AES-GCM refused to open: a wrong key, or data that was changed. */
public class DecryptionException extends Exception {
    public DecryptionException() {
        super(Text.t("the data does not open with this key"));
    }
}
