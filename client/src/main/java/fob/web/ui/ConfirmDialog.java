package fob.web.ui;

import fob.web.js.Browser;
import org.teavm.jso.dom.html.HTMLElement;

/** Asks before something that cannot be undone; the confirming button repeats the action's name. */
public final class ConfirmDialog {
    private final HTMLElement dialog = Dom.byId("confirm-dialog");
    private final HTMLElement yes = Dom.byId("confirm-yes");
    private Runnable pending;

    public ConfirmDialog() {
        Dom.onClick(yes, () -> {
            Runnable action = pending;
            pending = null;
            Browser.closeDialog(dialog);
            if (action != null) {
                action.run();
            }
        });
        Dom.onClick(Dom.byId("confirm-no"), () -> {
            pending = null;
            Browser.closeDialog(dialog);
        });
    }

    public void ask(String title, String text, String actionName, Runnable action) {
        Dom.byId("confirm-title").setTextContent(title);
        Dom.byId("confirm-text").setTextContent(text);
        yes.setTextContent(actionName);
        pending = action;
        Browser.showModal(dialog);
        Dom.byId("confirm-no").focus();
    }
}
