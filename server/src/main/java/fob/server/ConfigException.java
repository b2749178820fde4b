package fob.server;

/** A setting that Fob cannot start with; the message says which and why. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
