package fob.teavm;

import java.nio.charset.Charset;

/** What {@link CharsetIsSupportedPatch} calls in place of {@code Charset.isSupported}. */
public final class Charsets {
    private Charsets() {
    }

    public static boolean isSupported(String name) {
        try {
            Charset.forName(name);
            return true;
        } catch (IllegalArgumentException unsupportedOrIllegal) {
            return false;
        }
    }
}
