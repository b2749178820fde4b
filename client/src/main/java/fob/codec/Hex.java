package fob.codec;

import fob.text.Text;

/** Hexadecimal text, as some exports write their keys (java.util.HexFormat is not in TeaVM's class library). */
public final class Hex {
    private Hex() {
    }

    public static byte[] decode(String text) throws EncodingException {
        if (text.length() % 2 != 0) {
            throw new EncodingException(Text.t("hex text has an odd length"));
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16);
            int low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new EncodingException(Text.t("'{0}' is not hex", text.substring(2 * i, 2 * i + 2)));
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }
}
