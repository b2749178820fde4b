package fob.codec;

import fob.text.Text;
import java.util.Base64;

/** Unpadded base64url, as Fob's envelopes and WebAuthn's JSON forms write bytes. */
public final class Base64Url {
    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] decode(String text) throws EncodingException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || (c == '=' && i >= text.length() - 2);
            if (!ok) {
                throw new EncodingException(Text.t("'{0}' is not a base64url character", c));
            }
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new EncodingException(Text.t("the base64url text has a bad length"));
        }
    }
}
