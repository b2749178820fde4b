package fob.backup;

/** AES-GCM refused to open: a wrong key, or data that was changed. */
public class DecryptionException extends Exception {
    public DecryptionException() {
        super("the data does not open with this key");
    }
}
