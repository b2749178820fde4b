package fob.sync;

import fob.text.Text;

/** A passkey ceremony that gave no passkey: cancelled, timed out, refused by the browser, or not possible here. */
public final class PasskeyFailure extends Exception {
    private PasskeyFailure(String message) {
        super(message);
    }

    /** This browser offers no passkeys (no WebAuthn, or not in a secure context). */
    public static PasskeyFailure unavailable() {
        return new PasskeyFailure(Text.t("This browser cannot use passkeys here"));
    }

    /** The browser's refusal, by the name of its DOMException ({@code errorName}) and its {@code message}. */
    public static PasskeyFailure of(String errorName, String message) {
        if ("NotAllowedError".equals(errorName) || "AbortError".equals(errorName)) {
            return new PasskeyFailure(Text.t("The passkey request was cancelled or timed out"));
        }
        if ("InvalidStateError".equals(errorName)) {
            return new PasskeyFailure(Text.t("This passkey is already registered with this account"));
        }
        return new PasskeyFailure(Text.t("The passkey could not be used ({0})", message));
    }
}
