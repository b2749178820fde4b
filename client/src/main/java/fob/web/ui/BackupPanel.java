package fob.web.ui;

import fob.sync.BackupServer;
import fob.sync.BackupSync;
import fob.sync.SyncState;
import fob.sync.SyncStatus;
import fob.text.Text;
import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.backup.Passkeys;
import fob.web.backup.ServerApi;
import fob.web.js.Browser;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The backup part of Settings: the status, the "Cloud backup" switch (off: stop on this device, or delete the
 * backup for all devices), the recovery account (create, sign in, sign out), its passkeys and signed-in devices,
 * the recovery code and key rotation, the history and activity, and the choice when signed in to another recovery
 * account than the one backed up to. What it shows
 * comes from the sync core; it decides nothing.
 */
public final class BackupPanel {
    private final BackupService backup;
    private final ConfirmDialog confirm;
    private final CodeDialog codeDialog;
    private final RecoveryDialog recovery;
    private final HistoryDialog history;
    private final DevicesPanel devices;
    private final HTMLInputElement toggle = Dom.byId("backup-switch");
    private final HTMLElement offDialog = Dom.byId("backup-off-dialog");
    /** The sign-in that found another recovery account than the one backed up to. */
    private Passkeys.Ceremony otherAccount;
    /** The unconfirmed code last put on screen by this page, so that a change of status does not show it twice. */
    private String offered;

    public BackupPanel(BackupService backup, ConfirmDialog confirm, CodeDialog codeDialog, RecoveryDialog recovery,
            HistoryDialog history, ActivityDialog activity) {
        this.backup = backup;
        this.confirm = confirm;
        this.codeDialog = codeDialog;
        this.recovery = recovery;
        this.history = history;
        this.devices = new DevicesPanel(backup, confirm, this::showRotation);
        backup.sync().onChange(this::render);
        backup.sync().onChange(() -> Async.run(this::offerUnsavedCode, message -> { }));
        codeDialog.onSaved(code -> run(() -> backup.sync().recoveryCodeSaved(code)));
        toggle.addEventListener("change", (EventListener<Event>) event -> {
            if (toggle.isChecked()) {
                turnOn();
            } else {
                toggle.setChecked(true);
                Browser.showModal(offDialog);
                Dom.byId("backup-off-stop").focus();
            }
        });
        Dom.onClick(Dom.byId("backup-off-stop"), () -> {
            Browser.closeDialog(offDialog);
            run(backup.sync()::stopOnThisDevice);
        });
        Dom.onClick(Dom.byId("backup-off-delete"), () -> {
            Browser.closeDialog(offDialog);
            confirm.ask(Text.t("Delete backup for all devices?"), Text.t("The backup and every earlier version of it"
                    + " will be deleted from the server, for every device, and those devices stop backing up. The"
                    + " accounts in this browser stay."), Text.t("Delete backup for all devices"),
                    () -> run(backup::deleteForAllDevices));
        });
        Dom.onClick(Dom.byId("backup-off-cancel"), () -> Browser.closeDialog(offDialog));
        Dom.onClick(Dom.byId("other-account-switch"), () -> {
            Passkeys.Ceremony ceremony = otherAccount;
            run(() -> {
                // After a reload the sign-in that found the other account is gone: a passkey gives its key again.
                BackupSync.Enabled enabled = backup.switchAccount(ceremony != null ? ceremony : backup.signIn());
                otherAccount = null;
                showEnabled(enabled);
            });
        });
        Dom.onClick(Dom.byId("other-account-cancel"), () -> run(() -> {
            otherAccount = null;
            backup.signOut();
        }));
        Dom.onClick(Dom.byId("create-account"), this::createAccount);
        Dom.onClick(Dom.byId("settings-sign-in"), this::signIn);
        Dom.onClick(Dom.byId("sign-out"), () -> run(backup::signOut));
        Dom.onClick(Dom.byId("add-passkey"), () -> run(() -> {
            boolean opensAlone = backup.addPasskey();
            Toast.show(opensAlone ? Text.t("Passkey added.") : Text.t("Passkey added. It gave no key for backups, so"
                    + " restoring with it alone will need the recovery code."));
            loadPasskeys();
        }));
        Dom.onClick(Dom.byId("show-recovery-code"), () -> confirm.ask(Text.t("Make a new recovery code?"),
                Text.t("Fob shows a recovery code only once. A new one replaces the old, which then stops working:"
                        + " your backup gets new keys, and its earlier versions are deleted."),
                Text.t("Show recovery code"),

                () -> run(() -> showRotation(backup.rotateKeys(null)))));
        Dom.onClick(Dom.byId("rotate-keys"), () -> confirm.ask(Text.t("Rotate keys?"), Text.t("Your backup gets a new"
                + " key: your passkeys open it as before, you get a new recovery code (the old one stops working), and"
                + " every earlier version of the backup is deleted. Your other devices ask for a passkey sign-in"
                + " once."),
                Text.t("Rotate keys"), () -> run(() -> showRotation(backup.rotateKeys(null)))));
        Dom.onClick(Dom.byId("keys-sign-in"), this::signIn);
        TypedConfirmation deleteAccount = new TypedConfirmation("delete-account", Text.t("delete"));
        Dom.onClick(Dom.byId("delete-recovery-account"), deleteAccount::open);
        Dom.onClick(Dom.byId("delete-account-no"), deleteAccount::close);
        Dom.onClick(Dom.byId("delete-account-yes"), () -> {
            if (deleteAccount.confirmed()) {
                Async.run(() -> {
                    backup.deleteRecoveryAccount();
                    deleteAccount.close();
                    Toast.show(Text.t("Recovery account deleted. Your accounts stay in this browser."));
                }, deleteAccount::showError);
            }
        });
        Dom.onClick(Dom.byId("backup-history"), history::open);
        Dom.onClick(Dom.byId("open-activity"), activity::open);
    }

    /** Runs an action, showing its failure in the panel. */
    private void run(Async.Task task) {
        Messages.show("backup-switch-error", null);
        Messages.show("backup-error", null);
        Async.run(task, message -> Messages.show("backup-error", message));
    }

    public void opened() {
        Messages.show("backup-error", null);
        Messages.show("backup-switch-error", null);
        Messages.show("recovery-name-error", null);
        render();
        if (backup.sync().account() != null) {
            loadPasskeys();
            devices.load();
        }
    }

    /**
     * A recovery code the person has not confirmed saving (its dialog was closed otherwise, the page reloaded, or a
     * rotation whose answer was lost has been finished since): shown again, until "I have saved it".
     */
    private void offerUnsavedCode() {
        String code = backup.sync().unsavedRecoveryCode();
        if (code == null || code.equals(offered) || code.equals(codeDialog.shown())) {
            return;
        }
        offered = code;
        codeDialog.show(code, Text.t("Fob showed you this recovery code before, but you have not confirmed that you"
                + " saved it. It is the only code that opens your backup now; Fob shows it again until you do."));
    }

    /** A rotation's new recovery code, shown once; passkeys left without a way in are named. */
    private void showRotation(BackupSync.Rotation rotation) {
        if (rotation == null) {
            return;
        }
        offered = rotation.recoveryCode;
        codeDialog.show(rotation.recoveryCode, rotation.passkeysWithoutSlot == 0 ? Text.t("Your backup has new keys.")
                : Text.t("Your backup has new keys. {0} of your passkeys will open it again after it next signs in on"
                        + " a device with backup on; until then, restore with this code.",
                        rotation.passkeysWithoutSlot));
    }

    private void render() {
        BackupSync sync = backup.sync();
        SyncStatus status = sync.status();
        SyncState state = sync.state();
        Dom.byId("backup-status").setTextContent(status.text());
        StringBuilder detail = new StringBuilder();
        if (!sync.problem().isEmpty()) {
            detail.append(capitalised(sync.problem())).append(". ");
        }
        if (state.enabled && state.lastBackupAt > 0) {
            detail.append(Text.t("Last good backup: {0}.", DateTimes.of(state.lastBackupAt)));
        }
        Dom.byId("backup-detail").setTextContent(detail.toString());
        toggle.setChecked(state.enabled);
        BackupServer.Account account = sync.account();
        Dom.show(Dom.byId("signed-out-panel"), account == null);
        Dom.show(Dom.byId("signed-in-panel"), account != null);
        Dom.byId("account-name").setTextContent(account == null ? "" : account.name);
        boolean ownAccount = state.enabled && account != null && state.belongsTo(account.id, account.name);
        for (String id : new String[] {"show-recovery-code", "backup-history", "rotate-keys"}) {
            Dom.show(Dom.byId(id), ownAccount);
        }
        Dom.show(Dom.byId("keys-changed-panel"), status == SyncStatus.KEYS_CHANGED && account != null);
        boolean other = status == SyncStatus.OTHER_ACCOUNT && account != null;
        Dom.show(Dom.byId("other-account-panel"), other);
        if (other) {
            Dom.byId("other-account-text").setTextContent(Text.t("This browser backs up to the recovery account"
                    + " \u201c{0}\u201d. You signed in to \u201c{1}\u201d, which may hold another backup. Nothing is"
                    + " uploaded to it unless you choose: \u201cRestore or merge\u201d backs up to \u201c{1}\u201d"
                    + " from now on, bringing its accounts here if it has a backup; \u201cCancel\u201d signs out of"
                    + " it.",
                    state.accountName, account.name));
        }
        HTMLElement settings = Dom.byId("settings-button");
        if (status.needsAttention()) {
            settings.getClassList().add("attention");
            settings.setAttribute("aria-description", status.text());
        } else {
            settings.getClassList().remove("attention");
            settings.removeAttribute("aria-description");
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void loadPasskeys() {
        HTMLElement list = Dom.byId("passkey-list");
        Async.run(() -> {
            list.clear();
            for (ServerApi.PasskeyInfo passkey : backup.api().passkeys()) {
                HTMLElement item = Dom.element("li", null);
                item.appendChild(Dom.text("span", null, passkey.lastUsedAt > 0
                        ? Text.t("Passkey added {0}, last used {1}", DateTimes.of(passkey.createdAt),
                                DateTimes.of(passkey.lastUsedAt))
                        : Text.t("Passkey added {0}, never used to sign in", DateTimes.of(passkey.createdAt))));

                item.appendChild(Dom.button(Text.t("Remove passkey"), null, () -> confirm.ask(
                        Text.t("Remove this passkey?"),
                        Text.t("It will no longer sign in to your recovery account or open your backup, and every"
                                + " device it signed in is signed out (if that is this browser, Fob asks for another"
                                + " passkey to finish). Your backup then gets new keys: you get a new recovery code,"
                                + " and earlier versions of the backup are deleted."), Text.t("Remove passkey"),

                        () -> run(() -> {
                            BackupSync.Rotation rotation = backup.removePasskey(passkey.id);
                            loadPasskeys();
                            devices.load();
                            showRotation(rotation);
                        }))));
                list.appendChild(item);
            }
        }, message -> Messages.show("backup-error", message));
    }

    private void turnOn() {
        if (backup.sync().account() == null) {
            toggle.setChecked(false);
            Messages.show("backup-error", Text.t("To back up, create a recovery account (give it a name) or sign in"
                    + " with your passkey."));
            Dom.byId("recovery-name").focus();
            return;
        }
        enable(null);
    }

    /**
     * Turns backup on; a failure (a refused or cancelled passkey, a backup that is not the person's, offline) is said
     * next to the switch, which goes back to what is true.
     */
    private void enable(Passkeys.Ceremony ceremony) {
        Messages.show("backup-error", null);
        Messages.show("backup-switch-error", null);
        Async.run(() -> showEnabled(backup.enable(ceremony)), message -> {
            render();
            Messages.show("backup-switch-error", Text.t("Cloud backup was not turned on. {0}", message));
        });
    }

    /** A backup found on the server goes to the recovery dialog; a new one's code is shown, once. */
    private void showEnabled(BackupSync.Enabled enabled) {
        if (enabled.existing != null) {
            recovery.open(enabled.existing);
            return;
        }
        offered = enabled.recoveryCode;
        codeDialog.show(enabled.recoveryCode, enabled.passkeyWithoutPrf
                ? Text.t("Your passkey cannot open backups by itself, so restoring will need this code.") : null);
    }

    private void createAccount() {
        String name = Dom.value("recovery-name").trim();
        if (name.isEmpty()) {
            Messages.show("recovery-name-error", Text.t("Give your recovery account a name, such as your own"));
            Dom.byId("recovery-name").focus();
            return;
        }
        Messages.show("recovery-name-error", null);
        run(() -> {
            Passkeys.Ceremony created = backup.createAccount(name);
            loadPasskeys();
            devices.load();
            if (backup.sync().status() == SyncStatus.OTHER_ACCOUNT) {
                otherAccount = created;
                render();
            } else if (!backup.sync().state().enabled) {
                enable(created);
            }
        });
    }

    private void signIn() {
        run(() -> {
            Passkeys.Ceremony ceremony = backup.signIn();
            if (backup.sync().status() == SyncStatus.OTHER_ACCOUNT) {
                otherAccount = ceremony;
                render();
            } else if (!backup.sync().state().enabled) {
                enable(ceremony);
            }
            loadPasskeys();
            devices.load();
        });
    }
}
