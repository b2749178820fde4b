package fob.qr;

/** The image holds no QR code that could be read. */
public class NoQrCodeException extends Exception {
    public NoQrCodeException(String message) {
        super(message);
    }
}
