package fob.lock;

/** The password or passkey given does not open the lock; nothing was changed. */
public final class WrongSecretException extends Exception {
    public WrongSecretException(String message) {
        super(message);
    }
}
