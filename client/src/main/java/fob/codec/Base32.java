package fob.codec;

import fob.text.Text;
import java.util.Arrays;

/**
 * RFC 4648 base32, as authenticator secrets are written: any case, with or without '=' padding, and with
 * spaces or dashes between groups. Encoding writes upper case without padding, as otpauth links expect.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
            VALUES[Character.toLowerCase(ALPHABET.charAt(i))] = i;
        }
    }

    private Base32() {
    }

    public static byte[] decode(String text) throws EncodingException {
        StringBuilder symbols = new StringBuilder(text.length());
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (c == '=') {
                padding++;
                continue;
            }
            if (padding > 0) {
                throw new EncodingException(Text.t("'=' may only end a base32 key"));
            }
            if (c >= 128 || VALUES[c] < 0) {
                throw new EncodingException(Text.t("'{0}' is not a base32 character (A to Z and 2 to 7)", c));
            }
            symbols.append(c);
        }
        int length = symbols.length();
        if (length == 0) {
            throw new EncodingException(Text.t("the key is empty"));
        }
        int remainder = length % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new EncodingException(Text.t("a base32 key cannot have {0} characters; is one missing or extra?",
                    length));
        }
        if (padding > 0 && (length + padding) % 8 != 0) {
            throw new EncodingException(Text.t("the key's '=' padding does not fit its length"));
        }
        byte[] out = new byte[length * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 5) | VALUES[symbols.charAt(i)];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[index++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET.charAt((buffer >> bits) & 31));
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
