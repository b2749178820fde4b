package fob.web.ui;

import fob.web.js.Browser;
import org.teavm.jso.dom.html.HTMLElement;

/** Shows a new recovery code, once. */
public final class CodeDialog {
    private final HTMLElement dialog = Dom.byId("code-dialog");

    public CodeDialog() {
        Dom.onClick(Dom.byId("code-done"), () -> {
            Dom.byId("recovery-code-text").setTextContent("");
            Browser.closeDialog(dialog);
        });
    }

    /** {@code note}: what else the person should know (null for nothing). */
    public void show(String code, String note) {
        Dom.byId("recovery-code-text").setTextContent(code);
        HTMLElement noteElement = Dom.byId("code-note");
        noteElement.setTextContent(note == null ? "" : note);
        Dom.show(noteElement, note != null);
        Browser.showModal(dialog);
        Dom.byId("code-done").focus();
    }
}
