package fob.otp;

/** OTP settings that no authenticator could use; {@link #field()} says which one is wrong. */
public class InvalidOtpException extends Exception {
    /** The setting at fault, so a form can show the message next to it. */
    public enum Field { TYPE, SECRET, ALGORITHM, DIGITS, PERIOD, COUNTER }

    private final Field field;

    public InvalidOtpException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
