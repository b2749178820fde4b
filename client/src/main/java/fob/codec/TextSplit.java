package fob.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting text without regular expressions: String.split would pull TeaVM's whole regex engine (about a
 * fifth of the page's script) into the browser for two trivial uses.
 */
public final class TextSplit {
    private TextSplit() {
    }

    /** The parts between each {@code separator}, empty ones included. */
    public static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The lines of a text, whichever line ends it uses (\n, \r\n or \r). */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }
}
