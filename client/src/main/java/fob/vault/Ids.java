package fob.vault;

import java.security.SecureRandom;

/** Random account ids: 128 bits, so two devices never pick the same one. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        char[] id = new char[32];
        for (int i = 0; i < bytes.length; i++) {
            id[2 * i] = HEX[(bytes[i] >> 4) & 15];
            id[2 * i + 1] = HEX[bytes[i] & 15];
        }
        return new String(id);
    }
}
