package fob.crypto;

/**
 * A public key that is not a point of P-256 (wrong length, off the curve, or the point at infinity). Its message,
 * when there is one, is what the implementation said, for the caller to show beside its own words.
 */
public class InvalidPointException extends Exception {
    public InvalidPointException() {
        super(null, null);
    }

    public InvalidPointException(String detail) {
        super(detail);
    }
}
