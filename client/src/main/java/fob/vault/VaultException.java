package fob.vault;

/** A vault change that cannot be made, or stored vault data that cannot be read; the message says why. */
public class VaultException extends Exception {
    public VaultException(String message) {
        super(message);
    }
}
