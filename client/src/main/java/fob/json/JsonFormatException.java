package fob.json;

/** JSON that is malformed or lacks what is expected; the message names the field. */
public class JsonFormatException extends Exception {
    public JsonFormatException(String message) {
        super(message);
    }
}
