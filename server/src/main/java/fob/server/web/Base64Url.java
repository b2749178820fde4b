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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || (c == '=' && i >= text.length() - 2);
            if (!ok) {
                return null;
            }
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
