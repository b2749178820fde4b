package fob.lock;

import fob.text.Text;
import java.util.HashSet;
import java.util.Set;

/**
 * A rough hint of how hard a lock password is to guess, for people choosing one: length, kinds of characters,
 * and a few of the most common passwords. zxcvbn's Java ports carry megabytes of word lists, too much for app.js;
 * Argon2id at 64 MiB does the rest of the work against guessing.
 */
public final class PasswordStrength {
    private static final Set<String> COMMON = new HashSet<>();

    static {
        for (String common : new String[] {"password", "password1", "12345678", "123456789", "1234567890",
            "qwertyui", "qwerty123", "iloveyou", "11111111", "00000000", "abcd1234", "letmein1", "sunshine",
            "passw0rd", "football", "baseball", "welcome1", "admin123", "princess", "trustno1"}) {
            COMMON.add(common);
        }
    }

    private PasswordStrength() {
    }

    /** The hint shown under the field; the first words say the verdict ("Too short", "Weak", "Fair", "Strong"). */
    public static String hint(String password) {
        if (password.length() < PasswordLockSlot.MIN_PASSWORD_LENGTH) {
            return Text.t("Too short: at least {0} characters.", PasswordLockSlot.MIN_PASSWORD_LENGTH);
        }
        if (COMMON.contains(password.toLowerCase()) || distinct(password) <= 3) {
            return Text.t("Weak: this password is among the first that anyone tries.");
        }
        int kinds = kinds(password);
        int length = password.length();
        if (length >= 16 || length >= 12 && kinds >= 3) {
            return Text.t("Strong.");
        }
        if (length >= 10 || kinds >= 3) {
            return Text.t("Fair: a few more words or characters make it strong.");
        }
        return Text.t("Weak: a longer password, or a few unrelated words, is much harder to guess.");
    }

    private static int distinct(String password) {
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < password.length(); i++) {
            if (seen.indexOf(String.valueOf(password.charAt(i))) < 0) {
                seen.append(password.charAt(i));
            }
        }
        return seen.length();
    }

    private static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            // ASCII classes only: Character's Unicode tables would add kilobytes to app.js for a rough hint.
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
