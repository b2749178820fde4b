package fob.lock;

import fob.text.Text;

/**
 * What the person reads when a passkey ceremony of the App lock gave nothing the lock can use: every such case
 * changes nothing, and each says what to do instead.
 */
public final class LockPasskeyWords {
    private LockPasskeyWords() {
    }

    /** This browser offers no passkeys. */
    public static String unavailable() {
        return Text.t("This browser cannot use passkeys here. Choose a lock password.");
    }

    /** The browser refused the ceremony: {@code errorName} is its DOMException's name, {@code message} its words. */
    public static String refused(String errorName, String message) {
        if ("NotAllowedError".equals(errorName) || "AbortError".equals(errorName)) {
            return Text.t("The passkey request was cancelled or timed out. Nothing was changed.");
        }
        return Text.t("The passkey could not be used ({0}). Nothing was changed.", message);
    }

    /** The passkey gave no PRF output, which is the lock's key. */
    public static String withoutPrf() {
        return Text.t("This passkey cannot lock Fob: it does not offer the PRF extension that Fob needs. Choose a lock"
                + " password, or another passkey.");
    }
}
