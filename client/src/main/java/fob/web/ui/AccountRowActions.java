package fob.web.ui;

import fob.local.VaultSession;
import fob.otp.OtpParameters;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.AccountEdits;
import fob.vault.Vault;
import fob.web.Async;
import fob.web.js.Browser;
import fob.web.js.ClipboardCleaner;
import fob.web.js.Promises;

/** What the code and the "More actions" items of a row do: each change is one of the vault's, made in the session. */
public final class AccountRowActions implements AccountListView.Actions {
    private final VaultSession session;
    private final ConfirmDialog confirm;
    private AccountDialog dialog;

    public AccountRowActions(VaultSession session, ConfirmDialog confirm) {
        this.session = session;
        this.confirm = confirm;
    }

    /** The dialog that edits and finishes accounts: it needs the list, which needs these actions first. */
    public void useDialog(AccountDialog accountDialog) {
        this.dialog = accountDialog;
    }

    private void change(VaultSession.Change change) {
        Async.run(() -> session.change(change), Toast::show);
    }

    @Override
    public void copy(AccountRow row) {
        long now = System.currentTimeMillis();
        OtpParameters otp = row.account().otp();
        String code = otp.codeAt(now);
        long validFor = otp.millisValidAt(now);
        String id = row.account().id();
        Async.run(() -> {
            Promises.await(Browser.copyText(code));
            ClipboardCleaner.clearWhenExpired(code, validFor);
            Toast.show(Text.t("Code copied."));
            change(vault -> AccountEdits.copied(vault, id, now));
        }, message -> Toast.show(Text.t("The browser did not let Fob copy the code.")));
    }

    @Override
    public void nextCode(Account account) {
        change(vault -> AccountEdits.nextCode(vault, account.id(), System.currentTimeMillis()).vault());
    }

    @Override
    public void edit(Account account) {
        dialog.openForEditing(account);
    }

    @Override
    public void delete(Account account) {
        confirm.ask(Text.t("Delete account?"), Text.t("Delete {0} from Fob? It goes to Recently deleted (in Settings),"
                + " on your other devices too, where you can restore it for 30 days. Without its codes you may be"
                + " unable to sign in to it.", Vault.describe(account)),
                Text.t("Delete"),
                () -> change(vault -> vault.remove(account.id(), System.currentTimeMillis())));
    }

    @Override
    public void finishSetup(Account placeholder) {
        dialog.openForFinishing(placeholder);
    }

    @Override
    public void move(Account account, int offset) {
        change(vault -> vault.move(account.id(), offset, System.currentTimeMillis()));
    }

    @Override
    public void moveTo(Account account, int index) {
        change(vault -> vault.moveTo(account.id(), index, System.currentTimeMillis()));
    }
}
