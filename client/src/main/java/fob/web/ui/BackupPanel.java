package fob.web.ui;

import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.backup.Passkeys;
import fob.web.backup.ServerApi;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The backup part of Settings: the status, the "Cloud backup" switch, the recovery account (create, sign in,
 * sign out) and its passkeys, the recovery code, the history, and deleting the backup.
 */
public final class BackupPanel {
    private final BackupService backup;
    private final ConfirmDialog confirm;
    private final CodeDialog codeDialog;
    private final RecoveryDialog recovery;
    private final HistoryDialog history;
    private final HTMLInputElement toggle = Dom.byId("backup-switch");

    public BackupPanel(BackupService backup, ConfirmDialog confirm, CodeDialog codeDialog, RecoveryDialog recovery,
            HistoryDialog history) {
        this.backup = backup;
        this.confirm = confirm;
        this.codeDialog = codeDialog;
        this.recovery = recovery;
        this.history = history;
        backup.onChange(this::render);
        toggle.addEventListener("change", (EventListener<Event>) event -> {
            if (toggle.isChecked()) {
                turnOn();
            } else {
                toggle.setChecked(true);
                confirmDelete();
            }
        });
        Dom.onClick(Dom.byId("create-account"), this::createAccount);
        Dom.onClick(Dom.byId("settings-sign-in"), this::signIn);
        Dom.onClick(Dom.byId("sign-out"), () -> run(backup::signOut));
        Dom.onClick(Dom.byId("add-passkey"), () -> run(() -> {
            boolean opensAlone = backup.addPasskey();
            Toast.show(opensAlone ? "Passkey added." : "Passkey added. It gave no key for backups, so restoring"
                    + " with it alone will need the recovery code.");
            loadPasskeys();
        }));
        Dom.onClick(Dom.byId("show-recovery-code"), () -> confirm.ask("Make a new recovery code?", "Fob shows a"
                + " recovery code only once. A new one replaces the old, which then stops working.", "Show recovery code",
                () -> run(() -> codeDialog.show(backup.newRecoveryCode(), null))));
        Dom.onClick(Dom.byId("backup-history"), history::open);
        Dom.onClick(Dom.byId("delete-backup"), this::confirmDelete);
    }

    /** Runs an action, showing its failure in the panel. */
    private void run(Async.Task task) {
        Messages.show("backup-error", null);
        Async.run(task, message -> Messages.show("backup-error", message));
    }

    public void opened() {
        Messages.show("backup-error", null);
        Messages.show("recovery-name-error", null);
        render();
        if (Boolean.TRUE.equals(backup.signedIn())) {
            loadPasskeys();
        }
    }

    private void render() {
        BackupService.Status status = backup.status();
        String text;
        switch (status) {
            case UP_TO_DATE:
                text = "Backup up to date";
                break;
            case BACKING_UP:
                text = "Backing up";
                break;
            case OUT_OF_DATE:
                text = "Backup out of date";
                break;
            default:
                text = "Not backed up";
        }
        Dom.byId("backup-status").setTextContent(text);
        StringBuilder detail = new StringBuilder();
        if (!backup.problem().isEmpty()) {
            detail.append(capitalised(backup.problem())).append(". ");
        }
        if (backup.isEnabled() && backup.state().lastBackupAt > 0) {
            detail.append("Last good backup: ").append(HistoryDialog.dateTime(backup.state().lastBackupAt)).append('.');
        }
        Dom.byId("backup-detail").setTextContent(detail.toString());
        toggle.setChecked(backup.isEnabled());
        boolean signedIn = Boolean.TRUE.equals(backup.signedIn());
        Dom.show(Dom.byId("signed-out-panel"), !signedIn);
        Dom.show(Dom.byId("signed-in-panel"), signedIn);
        Dom.byId("account-name").setTextContent(backup.accountName() == null ? "" : backup.accountName());
        for (String id : new String[] {"show-recovery-code", "backup-history", "delete-backup"}) {
            Dom.show(Dom.byId(id), backup.isEnabled());
        }
        HTMLElement settings = Dom.byId("settings-button");
        if (status == BackupService.Status.OUT_OF_DATE) {
            settings.getClassList().add("attention");
            settings.setAttribute("aria-description", "Backup out of date");
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
                item.appendChild(Dom.text("span", null, "Passkey added " + HistoryDialog.dateTime(passkey.createdAt)));
                item.appendChild(Dom.button("Remove passkey", null, () -> confirm.ask("Remove this passkey?",
                        "It will no longer sign in to your recovery account or open your backup.", "Remove passkey",
                        () -> run(() -> {
                            backup.removePasskey(passkey.id);
                            loadPasskeys();
                        }))));
                list.appendChild(item);
            }
        }, message -> Messages.show("backup-error", message));
    }

    private void turnOn() {
        if (!Boolean.TRUE.equals(backup.signedIn())) {
            toggle.setChecked(false);
            Messages.show("backup-error", "To back up, create a recovery account (give it a name) or sign in with"
                    + " your passkey.");
            Dom.byId("recovery-name").focus();
            return;
        }
        enable(null);
    }

    private void enable(Passkeys.Ceremony ceremony) {
        run(() -> {
            BackupService.Enabled enabled = backup.enable(ceremony);
            if (enabled.existing != null) {
                recovery.open(enabled.existing);
                return;
            }
            codeDialog.show(enabled.recoveryCode, enabled.passkeyWithoutPrf ? "Your passkey cannot open backups by"
                    + " itself, so restoring will need this code." : null);
        });
    }

    private void createAccount() {
        String name = Dom.value("recovery-name").trim();
        if (name.isEmpty()) {
            Messages.show("recovery-name-error", "Give your recovery account a name, such as your own");
            Dom.byId("recovery-name").focus();
            return;
        }
        Messages.show("recovery-name-error", null);
        run(() -> {
            Passkeys.Ceremony created = backup.createAccount(name);
            loadPasskeys();
            if (!backup.isEnabled()) {
                enable(created);
            }
        });
    }

    private void signIn() {
        run(() -> {
            Passkeys.Ceremony ceremony = backup.signIn();
            if (!backup.isEnabled()) {
                enable(ceremony);
            }
            loadPasskeys();
        });
    }

    private void confirmDelete() {
        confirm.ask("Delete backup?", "The backup and all its earlier versions will be deleted from the server."
                + " The accounts in this browser stay.", "Delete backup", () -> run(backup::deleteBackup));
    }
}
