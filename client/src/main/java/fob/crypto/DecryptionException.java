package fob.crypto;

/**
 * AES-GCM refused to open: a wrong key, or data that was changed. Its message is not for people: each caller says
 * in its own words what did not open.
 */
public class DecryptionException extends Exception {
    public DecryptionException() {
        super("AES-GCM refused to open: a wrong key, or changed data");
    }
}
