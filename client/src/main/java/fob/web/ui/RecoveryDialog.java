package fob.web.ui;

import fob.sync.Restore;
import fob.text.Text;
import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.js.Browser;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Begin recovery": sign in with the passkey, read the backup, open it with the passkey or the recovery code,
 * and bring the accounts back. Into a browser that already has accounts only "Merge" is offered, which never
 * overwrites or deletes anything here.
 */
public final class RecoveryDialog {
    private final HTMLElement dialog = Dom.byId("recovery-dialog");
    private final BackupService backup;
    private Restore restore;

    public RecoveryDialog(BackupService backup) {
        this.backup = backup;
        Dom.onClick(Dom.byId("recovery-sign-in"), this::signIn);
        Dom.onClick(Dom.byId("recovery-restore"), this::restoreWithCode);
        Dom.onClick(Dom.byId("recovery-merge"), this::apply);
        Dom.onClick(Dom.byId("recovery-cancel"), this::close);
    }

    private void reset() {
        restore = null;
        Dom.show(Dom.byId("recovery-code-step"), false);
        Dom.show(Dom.byId("recovery-merge-step"), false);
        Dom.setValue("recovery-code-input", "");
        Messages.show("recovery-code-input-error", null);
        Messages.show("recovery-error", null);
    }

    /** From "Begin recovery": starts with the sign-in. */
    public void open() {
        reset();
        Dom.show(Dom.byId("recovery-intro"), true);
        Dom.show(Dom.byId("recovery-sign-in"), true);
        Browser.showModal(dialog);
        Dom.byId("recovery-sign-in").focus();
    }

    /** With a backup found when turning backup on: the sign-in is done. */
    public void open(Restore found) {
        reset();
        Dom.show(Dom.byId("recovery-intro"), false);
        Dom.show(Dom.byId("recovery-sign-in"), false);
        Browser.showModal(dialog);
        proceed(found);
    }

    private void close() {
        restore = null;
        Browser.closeDialog(dialog);
    }

    private void signIn() {
        Messages.show("recovery-error", null);
        Async.run(() -> {
            Restore found = backup.account().beginRestore();
            if (found == null) {
                Messages.show("recovery-error", Text.t("There is no backup for this recovery account. If you turned"
                        + " Cloud backup off, its backup was deleted."));
                return;
            }
            proceed(found);
        }, message -> Messages.show("recovery-error", message));
    }

    private void proceed(Restore found) {
        restore = found;
        if (found.needsRecoveryCode()) {
            Dom.byId("recovery-code-why").setTextContent(Text.t("Your passkey cannot open this backup by itself (it"
                    + " has no PRF support, or it was added after the backup was made). Enter the recovery code that"
                    + " Fob showed you when you turned on Cloud backup."));
            Dom.show(Dom.byId("recovery-code-step"), true);
            Dom.byId("recovery-code-input").focus();
            return;
        }
        opened();
    }

    private void restoreWithCode() {
        Messages.show("recovery-code-input-error", null);
        String code = Dom.value("recovery-code-input");
        Async.run(() -> {
            restore.openWithRecoveryCode(code);
            Dom.show(Dom.byId("recovery-code-step"), false);
            opened();
        }, message -> Messages.show("recovery-code-input-error", message));
    }

    private void opened() {
        String question = restore.mergeQuestion();
        if (question == null) {
            apply();
            return;
        }
        Dom.byId("recovery-merge-text").setTextContent(question);
        Dom.show(Dom.byId("recovery-merge-step"), true);
        Dom.byId("recovery-merge").focus();
    }

    private void apply() {
        Restore chosen = restore;
        Async.run(() -> {
            String done = chosen.applyAndSay();
            close();
            Toast.show(done);
        }, message -> Messages.show("recovery-error", message));
    }
}
