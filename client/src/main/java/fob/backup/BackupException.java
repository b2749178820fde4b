package fob.backup;

/** A backup that cannot be made, read or opened; the message says why, for a person. */
public class BackupException extends Exception {
    public BackupException(String message) {
        super(message);
    }
}
