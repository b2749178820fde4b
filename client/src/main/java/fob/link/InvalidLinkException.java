package fob.link;

/** A link that is not a usable otpauth link; the message says what is wrong with it. */
public class InvalidLinkException extends Exception {
    public InvalidLinkException(String message) {
        super(message);
    }
}
