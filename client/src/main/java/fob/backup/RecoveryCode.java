package fob.backup;

import fob.text.Text;

/**
 * The recovery code: 160 random bits written as 32 characters of Crockford's base32 (no I, L, O or U, so no
 * letter looks like another), in eight groups of four. Read back ignoring case, spaces and dashes, with the
 * letters people confuse (O for 0, I and L for 1) taken for what they meant.
 */
public final class RecoveryCode {
    public static final int BYTES = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private RecoveryCode() {
    }

    public static String format(byte[] code) {
        StringBuilder text = new StringBuilder(40);
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (byte b : code) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                if (written > 0 && written % 4 == 0) {
                    text.append('-');
                }
                text.append(ALPHABET.charAt((buffer >> bits) & 31));
                written++;
            }
        }
        return text.toString();
    }

    public static byte[] parse(String text) throws BackupException {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == 'O') {
                c = '0';
            } else if (c == 'I' || c == 'L') {
                c = '1';
            }
            if (ALPHABET.indexOf(c) < 0) {
                throw new BackupException(Text.t("'{0}' is not in a recovery code", text.charAt(i)));
            }
            symbols.append(c);
        }
        if (symbols.length() != BYTES * 8 / 5) {
            throw new BackupException(Text.t("A recovery code has {0} characters; this one has {1}",
                    (BYTES * 8 / 5), symbols.length()));
        }
        byte[] code = new byte[BYTES];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < symbols.length(); i++) {
            buffer = (buffer << 5) | ALPHABET.indexOf(symbols.charAt(i));
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                code[index++] = (byte) (buffer >> bits);
            }
        }
        return code;
    }
}
