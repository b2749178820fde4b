package fob.web.ui;

import fob.sync.RecoveryAccount;
import fob.sync.Rotation;
import fob.sync.SecurityApi;
import fob.sync.SignedInDevice;
import fob.text.Text;
import fob.web.Async;
import fob.web.backup.BackupService;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Settings → "Signed-in devices": each device signed in to the recovery account, with "Rename" and "Sign out", and
 * "Sign out everywhere else". Signing another device out rotates the backup's keys; the new code is shown once.
 */
final class DevicesPanel {
    /** Shows a rotation's outcome (its new recovery code) where the panel's owner shows codes. */
    interface RotationShown {
        void show(Rotation rotation);
    }

    private final HTMLElement list = Dom.byId("device-list");
    private final RecoveryAccount account;
    private final SecurityApi security;
    private final ConfirmDialog confirm;
    private final RotationShown rotationShown;

    DevicesPanel(BackupService backup, ConfirmDialog confirm, RotationShown rotationShown) {
        this.account = backup.account();
        this.security = backup.security();
        this.confirm = confirm;
        this.rotationShown = rotationShown;
        Dom.onClick(Dom.byId("sign-out-others"), () -> confirm.ask(Text.t("Sign out everywhere else?"),
                Text.t("Every other device is signed out of your recovery account.") + " " + account.revocationNote(),
                Text.t("Sign out everywhere else"),

                () -> run(() -> {
                    Rotation rotation = account.signOutEverywhereElse();
                    load();
                    rotated(rotation);
                })));
    }

    private void rotated(Rotation rotation) {
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
            for (SignedInDevice device : security.devices()) {
                list.appendChild(item(device));
            }
        }, message -> Messages.show("backup-error", message));
    }

    private HTMLElement item(SignedInDevice device) {
        HTMLElement item = Dom.element("li", null);
        item.appendChild(Dom.text("span", null, device.describe(DateTimes::of)));
        HTMLElement rename = Dom.button(Text.t("Rename"), null, () -> rename(item, device));
        // Each row's buttons name their device: Settings also signs out of the recovery account itself.
        rename.setAttribute("aria-label", Text.t("Rename {0}", device.name));
        item.appendChild(rename);
        HTMLElement signOut = Dom.button(Text.t("Sign out"), null, () -> confirm.ask(
                Text.t("Sign out {0}?", device.name),
                account.signOutWarning(device),
                Text.t("Sign out"),
                () -> run(() -> {
                    Rotation rotation = account.signOutDevice(device);
                    if (!device.current) {
                        load();
                    }
                    rotated(rotation);
                })));
        signOut.setAttribute("aria-label", Text.t("Sign out {0}", device.name));
        item.appendChild(signOut);
        return item;
    }

    private void rename(HTMLElement item, SignedInDevice device) {
        item.clear();
        HTMLInputElement name = (HTMLInputElement) Dom.element("input", null);
        name.setValue(device.name);
        name.setAttribute("aria-label", Text.t("Device name"));
        name.setAttribute("maxlength", "64");
        item.appendChild(name);
        item.appendChild(Dom.button(Text.t("Save"), null, () -> run(() -> {
            security.rename(device.id, name.getValue().trim());
            load();
        })));
        item.appendChild(Dom.button(Text.t("Cancel"), null, this::load));
        name.focus();
    }
}
