package fob.screen;

import fob.text.Text;
import java.util.Locale;

/** A dialog for what cannot be undone goes on only once the person has typed its word ("reset", "new vault"). */
public final class TypedWord {
    private TypedWord() {
    }

    /** Whether {@code typed} is {@code word}, in any case, with space around it. */
    public static boolean matches(String word, String typed) {
        return word.equals(typed.trim().toLowerCase(Locale.ROOT));
    }

    /** What the dialog says when it does not. */
    public static String refusal(String word) {
        return Text.t("Type \"{0}\" to confirm. Nothing was changed.", word);
    }
}
