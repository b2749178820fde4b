package fob.web.ui;

import fob.screen.TypedWord;
import fob.web.js.Browser;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A dialog that goes on only after the person types a word ("reset", "new vault", "delete"): for what cannot be
 * undone. Its elements follow one naming: {@code <name>-dialog}, {@code <name>-confirmation}, {@code <name>-error}.
 */
final class TypedConfirmation {
    private final String word;
    private final HTMLElement dialog;
    private final String input;
    private final String error;

    TypedConfirmation(String name, String word) {
        this.word = word;
        this.dialog = Dom.byId(name + "-dialog");
        this.input = name + "-confirmation";
        this.error = name + "-error";
    }

    void open() {
        Dom.setValue(input, "");
        Messages.show(error, null);
        Browser.showModal(dialog);
        Dom.byId(input).focus();
    }

    /** Whether the word was typed; if not, says so in the dialog. */
    boolean confirmed() {
        if (TypedWord.matches(word, Dom.value(input))) {
            return true;
        }
        Messages.show(error, TypedWord.refusal(word));
        return false;
    }

    void showError(String message) {
        Messages.show(error, message);
    }

    void close() {
        Browser.closeDialog(dialog);
    }
}
