package fob.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Turns a fuzzer's input into edits of a real document (a fixture), so that the fuzzer starts deep inside a
 * format's parser rather than at its first brace: up to eight replacements of a stretch with fuzzed text.
 */
public final class Edits {
    private Edits() {
    }

    public static String apply(String template, FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder(template);
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            int at = data.consumeInt(0, text.length());
            int length = data.consumeInt(0, Math.min(64, text.length() - at));
            text.replace(at, at + length, data.consumeString(48));
        }
        return text.toString();
    }
}
