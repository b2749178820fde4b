package fob.text;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Every string the page shows passes through here: the English text is the key to the catalogue of the page's
 * language ({@code static/i18n/<tag>.json}, loaded once at start), and {@code {0}}, {@code {1}} ... stand for the
 * arguments. The keys are string literals at the call, so that {@code CatalogueTest} can find them all and fail
 * when a catalogue misses one. A key the catalogue lacks shows in English rather than not at all.
 */
public final class Text {
    private static Language language = Language.ENGLISH;
    private static Map<String, String> catalogue = Collections.emptyMap();

    private Text() {
    }

    /** Speaks {@code chosen} from now on, with its catalogue (empty for English). */
    public static void use(Language chosen, Map<String, String> chosenCatalogue) {
        language = chosen;
        catalogue = Collections.unmodifiableMap(new HashMap<>(chosenCatalogue));
    }

    public static Language language() {
        return language;
    }

    /** The catalogue in use, for the worker, which speaks the page's language too. */
    public static Map<String, String> catalogue() {
        return catalogue;
    }

    /** {@code english} in the page's language, with its placeholders filled in. */
    public static String t(String english, Object... arguments) {
        return fill(catalogue.getOrDefault(english, english), arguments);
    }

    /**
     * {@code one} or {@code other} by the language's plural rule for {@code count}, which fills {@code {0}}; the
     * {@code more} arguments fill {@code {1}} and on.
     */
    public static String count(String one, String other, long count, Object... more) {
        boolean singular = language == Language.FRENCH ? count == 0 || count == 1 : count == 1;
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = count;
        System.arraycopy(more, 0, arguments, 1, more.length);
        return t(singular ? one : other, arguments);
    }

    /**
     * Marks a literal as a key without translating it, where the text is chosen in one place (an enum's label)
     * and shown in another, through {@link #translate}.
     */
    public static String key(String english) {
        return english;
    }

    /** A key chosen at run time, marked with {@link #key} where it was written. */
    public static String translate(String key, Object... arguments) {
        return t(key, arguments);
    }

    /** A whole number with the language's digit grouping: 10,000; 10.000; 10 000. */
    public static String number(long value) {
        String digits = Long.toString(Math.abs(value));
        String separator = language == Language.ENGLISH ? "," : language == Language.FRENCH ? "\u202f" : ".";
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(separator);
            }
            grouped.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + grouped;
    }

    /** Milliseconds as seconds to a tenth, with the language's decimal mark: "1.2", "1,2". */
    public static String tenths(long millis) {
        return millis / 1000 + (language == Language.ENGLISH ? "." : ",") + millis / 100 % 10;
    }

    private static String fill(String pattern, Object[] arguments) {
        if (arguments.length == 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && isIndex(pattern, i + 1, close)) {
                int index = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(index < arguments.length ? String.valueOf(arguments[index]) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isIndex(String pattern, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pattern.charAt(i) < '0' || pattern.charAt(i) > '9') {
                return false;
            }
        }
        return to - from <= 2;
    }
}
