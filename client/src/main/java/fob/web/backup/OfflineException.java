package fob.web.backup;

import fob.text.Text;

/** The server could not be reached: no network, or the server is down. */
public class OfflineException extends Exception {
    public OfflineException() {
        super(Text.t("Fob's server cannot be reached; check the connection"));
    }
}
