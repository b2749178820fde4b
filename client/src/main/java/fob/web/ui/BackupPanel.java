package fob.web.ui;

import fob.sync.BackupOverview;
import fob.sync.Enabled;
import fob.sync.PasskeyCeremonies;
import fob.sync.PasskeyInfo;
import fob.sync.RecoveryAccount;
import fob.sync.Rotation;
import fob.text.Text;
import fob.web.Async;
import fob.web.backup.BackupService;
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
    private final RecoveryAccount account;
    private final ConfirmDialog confirm;
    private final CodeDialog codeDialog;
    private final RecoveryDialog recovery;
    private final HistoryDialog history;
    private final DevicesPanel devices;
    private final HTMLInputElement toggle = Dom.byId("backup-switch");
    private final HTMLElement offDialog = Dom.byId("backup-off-dialog");
    /** The sign-in that found another recovery account than the one backed up to. */
    private PasskeyCeremonies.Ceremony otherAccount;
    /** The unconfirmed code last put on screen by this page, so that a change of status does not show it twice. */
    private String offered;

    public BackupPanel(BackupService backup, ConfirmDialog confirm, CodeDialog codeDialog, RecoveryDialog recovery,
            HistoryDialog history, ActivityDialog activity) {
        this.backup = backup;
        this.account = backup.account();
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
                    () -> run(account::deleteForAllDevices));
        });
        Dom.onClick(Dom.byId("backup-off-cancel"), () -> Browser.closeDialog(offDialog));
        Dom.onClick(Dom.byId("other-account-switch"), () -> {
            PasskeyCeremonies.Ceremony ceremony = otherAccount;
            run(() -> {
                Enabled enabled = account.switchAccount(ceremony);
                otherAccount = null;
                showEnabled(enabled);
            });
        });
        Dom.onClick(Dom.byId("other-account-cancel"), () -> run(() -> {
            otherAccount = null;
            account.signOut();
        }));
        Dom.onClick(Dom.byId("create-account"), this::createAccount);
        Dom.onClick(Dom.byId("settings-sign-in"), this::signIn);
        Dom.onClick(Dom.byId("sign-out"), () -> run(account::signOut));
        Dom.onClick(Dom.byId("add-passkey"), () -> run(() -> {
            Toast.show(RecoveryAccount.passkeyAdded(account.addPasskey()));
            loadPasskeys();
        }));
        Dom.onClick(Dom.byId("show-recovery-code"), () -> confirm.ask(Text.t("Make a new recovery code?"),
                Text.t("Fob shows a recovery code only once. A new one replaces the old, which then stops working:"
                        + " your backup gets new keys, and its earlier versions are deleted."),
                Text.t("Show recovery code"),

                () -> run(() -> showRotation(account.rotateKeys(null)))));
        Dom.onClick(Dom.byId("rotate-keys"), () -> confirm.ask(Text.t("Rotate keys?"), Text.t("Your backup gets a new"
                + " key: your passkeys open it as before, you get a new recovery code (the old one stops working), and"
                + " every earlier version of the backup is deleted. Your other devices ask for a passkey sign-in"
                + " once."),
                Text.t("Rotate keys"), () -> run(() -> showRotation(account.rotateKeys(null)))));
        Dom.onClick(Dom.byId("keys-sign-in"), this::signIn);
        TypedConfirmation deleteAccount = new TypedConfirmation("delete-account", Text.t("delete"));
        Dom.onClick(Dom.byId("delete-recovery-account"), deleteAccount::open);
        Dom.onClick(Dom.byId("delete-account-no"), deleteAccount::close);
        Dom.onClick(Dom.byId("delete-account-yes"), () -> {
            if (deleteAccount.confirmed()) {
                Async.run(() -> {
                    account.deleteRecoveryAccount();
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
    private void showRotation(Rotation rotation) {
        if (rotation == null) {
            return;
        }
        offered = rotation.recoveryCode;
        codeDialog.show(rotation.recoveryCode, rotation.note());
    }

    private void render() {
        BackupOverview overview = BackupOverview.of(backup.sync());
        Dom.byId("backup-status").setTextContent(overview.status);
        Dom.byId("backup-detail").setTextContent(overview.detail(DateTimes::of));
        toggle.setChecked(overview.backupOn);
        Dom.show(Dom.byId("signed-out-panel"), overview.accountName == null);
        Dom.show(Dom.byId("signed-in-panel"), overview.accountName != null);
        Dom.byId("account-name").setTextContent(overview.accountName == null ? "" : overview.accountName);
        for (String id : new String[] {"show-recovery-code", "backup-history", "rotate-keys"}) {
            Dom.show(Dom.byId(id), overview.ownBackup);
        }
        Dom.show(Dom.byId("keys-changed-panel"), overview.keysChanged);
        Dom.show(Dom.byId("other-account-panel"), overview.otherAccount != null);
        if (overview.otherAccount != null) {
            Dom.byId("other-account-text").setTextContent(overview.otherAccount);
        }
        HTMLElement settings = Dom.byId("settings-button");
        if (overview.needsAttention) {
            settings.getClassList().add("attention");
            settings.setAttribute("aria-description", overview.status);
        } else {
            settings.getClassList().remove("attention");
            settings.removeAttribute("aria-description");
        }
    }

    private void loadPasskeys() {
        HTMLElement list = Dom.byId("passkey-list");
        Async.run(() -> {
            list.clear();
            for (PasskeyInfo passkey : backup.api().passkeys()) {
                HTMLElement item = Dom.element("li", null);
                item.appendChild(Dom.text("span", null, passkey.describe(DateTimes::of)));

                item.appendChild(Dom.button(Text.t("Remove passkey"), null, () -> confirm.ask(
                        Text.t("Remove this passkey?"),
                        Text.t("It will no longer sign in to your recovery account or open your backup, and every"
                                + " device it signed in is signed out (if that is this browser, Fob asks for another"
                                + " passkey to finish). Your backup then gets new keys: you get a new recovery code,"
                                + " and earlier versions of the backup are deleted."), Text.t("Remove passkey"),

                        () -> run(() -> {
                            Rotation rotation = account.removePasskey(passkey.id);
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
            // Signed out: a recovery account comes first.
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
    private void enable(PasskeyCeremonies.Ceremony ceremony) {
        Messages.show("backup-error", null);
        Messages.show("backup-switch-error", null);
        Async.run(() -> showEnabled(account.enable(ceremony)), message -> {
            render();
            Messages.show("backup-switch-error", Text.t("Cloud backup was not turned on. {0}", message));
        });
    }

    /** A backup found on the server goes to the recovery dialog; a new one's code is shown, once. */
    private void showEnabled(Enabled enabled) {
        if (enabled.existing != null) {
            recovery.open(enabled.existing);
            return;
        }
        offered = enabled.recoveryCode;
        codeDialog.show(enabled.recoveryCode, enabled.note());
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
            PasskeyCeremonies.Ceremony created = account.createAccount(name);
            loadPasskeys();
            devices.load();
            afterSignIn(created);
        });
    }

    private void signIn() {
        run(() -> {
            afterSignIn(account.signIn());
            loadPasskeys();
            devices.load();
        });
    }

    /** The choice of account, or backup turned on, as {@link RecoveryAccount#afterSignIn} says. */
    private void afterSignIn(PasskeyCeremonies.Ceremony ceremony) {
        switch (account.afterSignIn()) {
            case CHOOSE_ACCOUNT -> {
                otherAccount = ceremony;
                render();
            }
            case TURN_BACKUP_ON -> enable(ceremony);
            default -> { }
        }
    }
}
