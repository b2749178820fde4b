package fob.imports;

/** Input that cannot be imported at all; the message says why. Nothing was changed. */
public class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }
}
