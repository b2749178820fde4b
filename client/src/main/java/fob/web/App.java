package fob.web;

import fob.json.Json;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.Totp;
import fob.vault.Account;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.web.backup.BackupService;
import fob.web.js.Browser;
import fob.web.js.BrowserJson;
import fob.web.js.ClipboardCleaner;
import fob.web.js.Clock;
import fob.web.js.Promises;
import fob.web.js.ServiceWorkers;
import fob.web.js.TabSync;
import fob.web.store.StorageException;
import fob.web.store.UnreadableVaultException;
import fob.web.store.VaultStore;
import fob.web.worker.Worker;
import fob.web.ui.AccountDialog;
import fob.web.ui.AccountListView;
import fob.web.ui.AccountRow;
import fob.web.ui.BackupPanel;
import fob.web.ui.CodeDialog;
import fob.web.ui.ConfirmDialog;
import fob.web.ui.Dom;
import fob.web.ui.ExportDialog;
import fob.web.ui.ImportDialog;
import fob.web.ui.ActivityDialog;
import fob.web.ui.HistoryDialog;
import fob.web.ui.RecentlyDeletedDialog;
import fob.web.ui.RecoveryDialog;
import fob.web.ui.SettingsDialog;
import fob.web.ui.Toast;
import fob.web.ui.UnreadableVaultPanel;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** The page: opens the vault, shows the accounts, and wires the controls. */
public final class App implements AccountListView.Actions {
    private final VaultSession session;
    private final VaultStore store;
    private final AccountListView list;
    private final ConfirmDialog confirm = new ConfirmDialog();
    private AccountDialog accountDialog;
    private BackupService backup;
    private UnreadableVaultPanel unreadablePanel;

    private App(VaultStore store, Vault vault) {
        this.store = store;
        this.session = new VaultSession(store, vault, this::afterSave);
        this.list = new AccountListView(this);
    }

    /** After each change this page stored: tell the other tabs, and back it up. */
    private void afterSave() {
        TabSync.announceChange();
        if (backup != null) {
            backup.vaultChanged();
        }
    }

    public static void main(String[] args) {
        Json.useFastParser(new BrowserJson());
        ServiceWorkers.register("/sw.js", () -> Dom.show(Dom.byId("update-banner"), true));
        Dom.onClick(Dom.byId("reload-button"), Browser::reload);
        VaultStore store;
        Vault vault;
        try {
            store = VaultStore.open();
        } catch (StorageException e) {
            showAppError(e.getMessage());
            return;
        }
        try {
            vault = store.load();
        } catch (UnreadableVaultException e) {
            // Shown by the UnreadableVaultPanel, which offers the only ways on; the store refuses every other write.
            vault = Vault.EMPTY;
        } catch (StorageException e) {
            // The vault stays as it is on disk: Fob shows why and offers nothing that could write over it.
            showAppError(e.getMessage());
            return;
        }
        new App(store, vault).start();
    }

    private void start() {
        Worker worker = new Worker();
        accountDialog = new AccountDialog(session, list, worker);
        SettingsDialog settings = new SettingsDialog(session);
        backup = new BackupService(session, store);
        RecoveryDialog recovery = new RecoveryDialog(backup, session);
        settings.attach(new BackupPanel(backup, confirm, new CodeDialog(), recovery,
                new HistoryDialog(backup, confirm), new ActivityDialog(backup)));
        Dom.onClick(Dom.byId("begin-recovery"), recovery::open);
        unreadablePanel = new UnreadableVaultPanel(session, recovery);
        ImportDialog importDialog = new ImportDialog(session, worker);
        ExportDialog exportDialog = new ExportDialog(session, worker);
        Dom.onClick(Dom.byId("open-import"), importDialog::open);
        Dom.onClick(Dom.byId("open-export"), exportDialog::open);
        RecentlyDeletedDialog recentlyDeleted = new RecentlyDeletedDialog(session, confirm);
        Dom.onClick(Dom.byId("open-recently-deleted"), recentlyDeleted::open);
        Dom.window().addEventListener("online", (EventListener<Event>) event -> backup.retryNow());
        Dom.document().addEventListener("visibilitychange", (EventListener<Event>) event -> {
            if (!Browser.isDocumentHidden()) {
                backup.pullQuietly();
            }
        });
        Window.setInterval(() -> {
            if (!Browser.isDocumentHidden()) {
                backup.pullQuietly();
            }
        }, 60_000);
        Dom.onClick(Dom.byId("add-button"), accountDialog::openForAdding);
        Dom.onClick(Dom.byId("settings-button"), settings::open);

        HTMLInputElement search = Dom.byId("search");
        search.addEventListener("input", (EventListener<Event>) event -> list.filter(search.getValue()));

        session.onChange(this::show);
        TabSync.listen(() -> Async.run(session::reload, message -> {
            if (!session.isUnreadable()) {
                showAppError(message);
            }
        }));
        Dom.document().addEventListener("visibilitychange", (EventListener<Event>) event -> applyVisibility());

        show();
        applyVisibility();
        session.onChange(() -> {
            if (!session.vault().isEmpty()) {
                Browser.requestPersistentStorage();
            }
        });
        Browser.mark("fob-first-code");
        Async.run(backup::start, App::showAppError);
        Clock.everySecond(() -> list.tick(System.currentTimeMillis()));
        if (!session.vault().isEmpty()) {
            Browser.requestPersistentStorage();
        }
    }

    /**
     * The accounts, or, while the stored vault cannot be opened, the panel that explains it: then adding and
     * Settings are off (the store refuses every write but the two ways on that the panel offers).
     */
    private void show() {
        list.render(session.vault());
        boolean unreadable = unreadablePanel.update();
        for (String id : new String[] {"add-button", "settings-button"}) {
            HTMLElement button = Dom.byId(id);
            if (unreadable) {
                button.setAttribute("disabled", "");
            } else {
                button.removeAttribute("disabled");
            }
        }
        if (unreadable) {
            Dom.show(Dom.byId("empty-vault"), false);
        }
        if (session.vaultKeyReplaced()) {
            // Another tab replaced the vault key (a restore, or a new vault): what this page keeps in memory for
            // backups belongs to the old key, so it starts afresh from storage.
            Browser.reload();
        }
    }

    private void applyVisibility() {
        list.hideCodes(session.vault().settings().hideCodesWhenHidden() && Browser.isDocumentHidden());
    }

    private static void showAppError(String message) {
        HTMLElement error = Dom.byId("app-error");
        error.setTextContent(message);
        Dom.show(error, true);
    }

    private void change(VaultSession.Change change) {
        Async.run(() -> session.change(change), Toast::show);
    }

    @Override
    public void copy(AccountRow row) {
        String code = row.currentCode();
        OtpParameters otp = row.account().otp();
        long now = System.currentTimeMillis();
        // A time-based code expires with its period; an HOTP code has no end, so it gets one period's grace.
        long validFor = otp.type().isTimeBased() ? Totp.millisRemaining(now, otp.period()) : 30_000;
        Async.run(() -> {
            Promises.await(Browser.copyText(code));
            ClipboardCleaner.clearWhenExpired(code, validFor);
            Toast.show("Code copied.");
        }, message -> Toast.show("The browser did not let Fob copy the code."));
    }

    @Override
    public void nextCode(Account account) {
        change(vault -> {
            Account current = vault.find(account.id());
            if (current == null || current.isPlaceholder()) {
                return vault;
            }
            try {
                return vault.replace(current.withOtp(current.otp().nextCounter(), System.currentTimeMillis()));
            } catch (InvalidOtpException e) {
                throw new VaultException(e.getMessage());
            }
        });
    }

    @Override
    public void edit(Account account) {
        accountDialog.openForEditing(account);
    }

    @Override
    public void delete(Account account) {
        confirm.ask("Delete account?", "Delete " + Vault.describe(account) + " from Fob? It goes to Recently deleted"
                + " (in Settings), on your other devices too, where you can restore it for 30 days. Without its"
                + " codes you may be unable to sign in to it.", "Delete",
                () -> change(vault -> vault.remove(account.id(), System.currentTimeMillis())));
    }

    @Override
    public void finishSetup(Account placeholder) {
        accountDialog.openForFinishing(placeholder);
    }

    @Override
    public void move(Account account, int offset) {
        change(vault -> vault.move(account.id(), offset, System.currentTimeMillis()));
    }
}
