package fob.web.ui;

import fob.text.Text;
import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.backup.SecurityApi;
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
            for (SecurityApi.Event event : backup.security().activity()) {
                HTMLElement item = Dom.element("li", null);
                item.appendChild(Dom.text("span", null, Text.t("{0}: {1} (from {2})", DateTimes.of(event.at),
                        describe(event), event.address)));

                list.appendChild(item);
            }
        }, message -> Messages.show("activity-error", message));
    }

    /** The event in words; a kind this page does not know yet shows as the server named it. */
    static String describe(SecurityApi.Event event) {
        String detail = event.detail.isEmpty() ? "" : ", " + event.detail;
        switch (event.kind) {
            case "account_created":
                return Text.t("Recovery account created") + detail;
            case "sign_in":
                return Text.t("Signed in") + detail;
            case "sign_out":
                return Text.t("Signed out") + detail;
            case "passkey_added":
                return Text.t("Passkey added") + detail;
            case "passkey_removed":
                return Text.t("Passkey removed") + detail;
            case "backup_written":
                return Text.t("Backup written") + detail;
            case "backup_deleted":
                return Text.t("Backup deleted") + detail;
            case "backup_read_to_restore":
                return Text.t("Backup downloaded to restore or merge") + detail;
            case "version_read_to_restore":
                return Text.t("Earlier version downloaded to restore") + detail;
            case "history_deleted":
                return Text.t("Backup history deleted") + detail;
            case "keys_rotated":
                return Text.t("Keys rotated, earlier versions deleted") + detail;
            case "session_ended":
                return Text.t("Device signed out") + detail;
            case "device_renamed":
                return Text.t("Device renamed") + detail;
            default:
                return event.kind + detail;
        }
    }
}
