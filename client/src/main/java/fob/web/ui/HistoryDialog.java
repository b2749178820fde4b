package fob.web.ui;

import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.backup.ServerApi;
import fob.web.js.Browser;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/** The backup's earlier versions; restoring one makes it the newest. */
public final class HistoryDialog {
    private final HTMLElement dialog = Dom.byId("history-dialog");
    private final HTMLElement list = Dom.byId("history-list");
    private final BackupService backup;
    private final ConfirmDialog confirm;

    public HistoryDialog(BackupService backup, ConfirmDialog confirm) {
        this.backup = backup;
        this.confirm = confirm;
        Dom.onClick(Dom.byId("history-close"), () -> Browser.closeDialog(dialog));
    }

    @JSBody(params = "millis", script = "return new Date(millis).toLocaleString();")
    static native String dateTime(double millis);

    public void open() {
        list.clear();
        Messages.show("history-error", null);
        Browser.showModal(dialog);
        Async.run(() -> {
            for (ServerApi.Version version : backup.api().versions()) {
                HTMLElement item = Dom.element("li", null);
                item.appendChild(Dom.text("span", null, "Version " + version.number + ", " + dateTime(version.createdAt)
                        + ", " + Math.max(1, version.size / 1024) + " KB" + (version.current ? " (current)" : "")));
                if (!version.current) {
                    item.appendChild(Dom.button("Restore this version", null, () -> confirmRestore(version.number)));
                }
                list.appendChild(item);
            }
        }, message -> Messages.show("history-error", message));
    }

    private void confirmRestore(long number) {
        confirm.ask("Restore this version?", "The accounts of version " + number + " will replace the ones in Fob,"
                + " here and on your other devices. The version you have now stays in the history.", "Restore",
                () -> Async.run(() -> {
                    backup.restoreVersion(number);
                    Browser.closeDialog(dialog);
                    Toast.show("Version " + number + " restored.");
                }, message -> Messages.show("history-error", message)));
    }
}
