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

    /**
     * The code button's accessible name, which holds what the button shows (WCAG 2.5.3, Label in Name): "Copy code
     * 123 456" while the code shows, "Show code" while a click first shows it, and "Copy code" while the row has no
     * code on screen or every code is masked (the page is in the background).
     */
    public static String label(String shown, boolean masked, boolean clickReveals) {
        if (masked && clickReveals) {
            return Text.t("Show code");
        }
        return masked || shown.isEmpty() ? Text.t("Copy code") : Text.t("Copy code {0}", shown);
    }
}
