package fob.codec;

/** Text that does not decode: the message says why, in words a person can act on. */
public class EncodingException extends Exception {
    public EncodingException(String message) {
        super(message);
    }
}
