package fob.screen;

import fob.text.Text;

/** How a code is written: split in two halves, so that it is easy to read and type, or masked with dots. */
public final class CodeText {
    private CodeText() {
    }

    /** "123 456"; codes shorter than six characters stay whole. */
    public static String grouped(String code) {
        if (code.length() < 6) {
            return code;
        }
        int half = (code.length() + 1) / 2;
        return code.substring(0, half) + " " + code.substring(half);
    }

    /** A dot per character, grouped as the code would be. */
    public static String hidden(String code) {
        return grouped("•".repeat(code.length()));
    }

    public static String shown(String code, boolean masked) {
        return masked ? hidden(code) : grouped(code);
    }

    /** What shows beside the current code in its period's last seconds. */
    public static String next(String code, boolean masked) {
        return Text.t("next {0}", shown(code, masked));
    }
}
