package fob.web.ui;

import fob.sync.BackupSync;
import fob.text.Text;
import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.backup.SecurityApi;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Settings → "Signed-in devices": each device signed in to the recovery account, with "Rename" and "Sign out", and
 * "Sign out everywhere else". Signing another device out rotates the backup's keys; the new code is shown once.
 */
final class DevicesPanel {
    /** Shows a rotation's outcome (its new recovery code) where the panel's owner shows codes. */
    interface RotationShown {
        void show(BackupSync.Rotation rotation);
    }

    private final HTMLElement list = Dom.byId("device-list");
    private final BackupService backup;
    private final ConfirmDialog confirm;
    private final RotationShown rotationShown;

    DevicesPanel(BackupService backup, ConfirmDialog confirm, RotationShown rotationShown) {
        this.backup = backup;
        this.confirm = confirm;
        this.rotationShown = rotationShown;
        Dom.onClick(Dom.byId("sign-out-others"), () -> confirm.ask(Text.t("Sign out everywhere else?"),
                Text.t("Every other device is signed out of your recovery account.") + " " + rotationNote(),
                Text.t("Sign out everywhere else"),

                () -> run(() -> {
                    BackupSync.Rotation rotation = backup.signOutEverywhereElse();
                    load();
                    rotated(rotation);
                })));
    }

    private String rotationNote() {
        return backup.sync().state().enabled ? Text.t("Then your backup gets new keys: you get a new recovery code,"
                + " the old one stops working, and earlier versions of the backup are deleted.") : "";
    }

    private void rotated(BackupSync.Rotation rotation) {
        if (rotation != null) {
            rotationShown.show(rotation);
        }
    }

    private void run(Async.Task task) {
        Messages.show("backup-error", null);
        Async.run(task, message -> Messages.show("backup-error", message));
    }

    void load() {
        Async.run(() -> {
            list.clear();
            for (SecurityApi.Device device : backup.security().devices()) {
                list.appendChild(item(device));
            }
        }, message -> Messages.show("backup-error", message));
    }

    private HTMLElement item(SecurityApi.Device device) {
        HTMLElement item = Dom.element("li", null);
        item.appendChild(Dom.text("span", null, device.current
                ? Text.t("{0} (this device), last seen {1}", device.name, DateTimes.of(device.lastSeenAt))
                : Text.t("{0}, last seen {1}", device.name, DateTimes.of(device.lastSeenAt))));
        item.appendChild(Dom.button(Text.t("Rename"), null, () -> rename(item, device)));
        item.appendChild(Dom.button(Text.t("Sign out"), null, () -> confirm.ask(Text.t("Sign out {0}?", device.name),
                device.current ? Text.t("This browser is signed out of your recovery account; its accounts stay here.")
                        : Text.t("That device is signed out of your recovery account at once.") + " " + rotationNote(),
                Text.t("Sign out"),
                () -> run(() -> {
                    BackupSync.Rotation rotation = backup.signOutDevice(device);
                    if (!device.current) {
                        load();
                    }
                    rotated(rotation);
                }))));
        return item;
    }

    private void rename(HTMLElement item, SecurityApi.Device device) {
        item.clear();
        HTMLInputElement name = (HTMLInputElement) Dom.element("input", null);
        name.setValue(device.name);
        name.setAttribute("aria-label", Text.t("Device name"));
        name.setAttribute("maxlength", "64");
        item.appendChild(name);
        item.appendChild(Dom.button(Text.t("Save"), null, () -> run(() -> {
            backup.security().rename(device.id, name.getValue().trim());
            load();
        })));
        item.appendChild(Dom.button(Text.t("Cancel"), null, this::load));
        name.focus();
    }
}
