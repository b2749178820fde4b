package fob.web.ui;

import fob.web.js.Browser;
import java.util.function.Consumer;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Shows a new recovery code. "I have saved it" tells the sync core, which keeps the code (encrypted) until then and
 * has it shown again at the next start; closing the dialog otherwise is not a confirmation.
 */
public final class CodeDialog {
    private final HTMLElement dialog = Dom.byId("code-dialog");
    private Consumer<String> saved = code -> { };
    private String shown;

    public CodeDialog() {
        Dom.onClick(Dom.byId("code-done"), () -> {
            Dom.byId("recovery-code-text").setTextContent("");
            Browser.closeDialog(dialog);
            String code = shown;
            shown = null;
            saved.accept(code);
        });
    }

    /** Told of each code the person confirmed saving. */
    public void onSaved(Consumer<String> listener) {
        saved = listener;
    }

    /** The code on screen now, or null. */
    public String shown() {
        return shown;
    }

    /** {@code note}: what else the person should know (null for nothing). */
    public void show(String code, String note) {
        shown = code;
        Dom.byId("recovery-code-text").setTextContent(code);
        HTMLElement noteElement = Dom.byId("code-note");
        noteElement.setTextContent(note == null ? "" : note);
        Dom.show(noteElement, note != null);
        Browser.showModal(dialog);
        Dom.byId("code-done").focus();
    }
}
