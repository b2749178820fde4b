package fob.web.ui;

import fob.sync.AccountEvent;
import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.js.Browser;
import org.teavm.jso.dom.html.HTMLElement;

/** Settings → "Activity": the recovery account's events, newest first, as the server recorded them. */
public final class ActivityDialog {
    private final HTMLElement dialog = Dom.byId("activity-dialog");
    private final HTMLElement list = Dom.byId("activity-list");
    private final BackupService backup;

    public ActivityDialog(BackupService backup) {
        this.backup = backup;
        Dom.onClick(Dom.byId("activity-close"), () -> Browser.closeDialog(dialog));
    }

    public void open() {
        list.clear();
        Messages.show("activity-error", null);
        Browser.showModal(dialog);
        Async.run(() -> {
            for (AccountEvent event : backup.security().activity()) {
                HTMLElement item = Dom.element("li", null);
                item.appendChild(Dom.text("span", null, event.describe(DateTimes::of)));
                list.appendChild(item);
            }
        }, message -> Messages.show("activity-error", message));
    }
}
