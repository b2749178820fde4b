package fob.server.web;

import java.util.Base64;

/** Unpadded base64url, as WebAuthn's JSON forms and Fob's envelopes write bytes. */
public final class Base64Url {
    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes, or returns null for text that is not base64url. Padding is accepted, as some clients add it. */
    public static byte[] decode(String text) {
        if (text == null) {
            return null;
        }
        // The JDK's decoder refuses every character outside the alphabet, and padding anywhere but the end; a
        // check of our own before it was a fifth of a backup write's time.
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
