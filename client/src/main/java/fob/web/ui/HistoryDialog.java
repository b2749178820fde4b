package fob.web.ui;

import fob.sync.BackupVersion;
import fob.text.Text;
import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.js.Browser;
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

    public void open() {
        list.clear();
        Messages.show("history-error", null);
        Browser.showModal(dialog);
        Async.run(() -> {
            for (BackupVersion version : backup.api().versions()) {
                HTMLElement item = Dom.element("li", null);
                item.appendChild(Dom.text("span", null, version.describe(DateTimes::of)));
                if (!version.current) {
                    item.appendChild(Dom.button(Text.t("Restore this version"),
                            null, () -> confirmRestore(version.number)));
                }
                list.appendChild(item);
            }
        }, message -> Messages.show("history-error", message));
    }

    private void confirmRestore(long number) {
        confirm.ask(Text.t("Restore this version?"), Text.t("The accounts of version {0} will replace the ones in Fob,"
                + " here and on your other devices. The version you have now stays in the history.", number),
                Text.t("Restore"),
                () -> Async.run(() -> {
                    backup.restoreVersion(number);
                    Browser.closeDialog(dialog);
                    Toast.show(Text.t("Version {0} restored.", number));

                }, message -> Messages.show("history-error", message)));
    }
}
