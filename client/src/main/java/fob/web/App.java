package fob.web;

import fob.device.DevicePreferences;
import fob.device.DevicePreferencesHolder;
import fob.json.Json;
import fob.local.LockedVaultException;
import fob.local.OtherTabs;
import fob.local.StorageException;
import fob.local.UnreadableVaultException;
import fob.local.VaultKeeper;
import fob.local.VaultSession;
import fob.lock.IdleLock;
import fob.screen.AppLockOffer;
import fob.screen.CodeMask;
import fob.vault.Vault;
import fob.web.backup.BackupService;
import fob.web.backup.LiveEvents;
import fob.web.js.Browser;
import fob.web.js.BrowserJson;
import fob.web.js.Clock;
import fob.web.js.ServiceWorkers;
import fob.web.js.TabSync;
import fob.web.lock.LockPasswords;
import fob.web.store.BackupStateStore;
import fob.web.store.BrowserVaults;
import fob.web.store.DevicePreferencesStore;
import fob.web.ui.AccountDialog;
import fob.web.ui.AccountListView;
import fob.web.ui.AccountRowActions;
import fob.web.ui.ActivityDialog;
import fob.web.ui.AppLockPanel;
import fob.web.ui.BackupPanel;
import fob.web.ui.CodeDialog;
import fob.web.ui.ConfirmDialog;
import fob.web.ui.Dom;
import fob.web.ui.ExportDialog;
import fob.web.ui.GroupsBar;
import fob.web.ui.HistoryDialog;
import fob.web.ui.ImportDialog;
import fob.web.ui.LockScreen;
import fob.web.ui.RecentlyDeletedDialog;
import fob.web.ui.RecoveryDialog;
import fob.web.ui.SettingsDialog;
import fob.web.ui.StorageWarningView;
import fob.web.ui.Toast;
import fob.web.ui.UnreadableVaultPanel;
import fob.web.worker.Worker;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** The page: opens the vault, shows the accounts, and wires the controls. */
public final class App implements DevicePreferencesHolder {
    private final VaultSession session;
    private final VaultKeeper store;
    private final Worker worker;
    private final AccountListView list;
    private final ConfirmDialog confirm = new ConfirmDialog();
    private final AccountRowActions rowActions;
    private final DevicePreferencesStore preferencesStore;
    private DevicePreferences preferences;
    private final IdleLock idleLock;
    private AccountDialog accountDialog;
    private GroupsBar groupsBar;
    private BackupService backup;
    private UnreadableVaultPanel unreadablePanel;

    private App(VaultKeeper store, Vault vault, Worker worker) {
        this.store = store;
        this.worker = worker;
        this.session = new VaultSession(store, vault, this::afterSave);
        this.rowActions = new AccountRowActions(session, confirm);
        this.list = new AccountListView(rowActions);
        this.preferencesStore = new DevicePreferencesStore();
        this.preferences = DevicePreferences.read(store.preferencesJson());
        this.idleLock = new IdleLock(System.currentTimeMillis(), preferences.lockAfterMillis(),
                preferences.lockWhenHidden());
    }

    /** After each change this page stored: tell the other tabs, and back it up. */
    private void afterSave() {
        TabSync.announceChange();
        if (backup != null) {
            backup.vaultChanged();
        }
    }

    public static void main(String[] args) {
        Browser.mark("fob-main");
        Json.useFastParser(new BrowserJson());
        ServiceWorkers.register("/sw.js", () -> Dom.show(Dom.byId("update-banner"), true));
        Dom.onClick(Dom.byId("reload-button"), Browser::reload);
        VaultKeeper store;
        try {
            store = BrowserVaults.open();
        } catch (StorageException e) {
            showAppError(e.getMessage());
            return;
        }
        Localisation.start(DevicePreferences.read(DevicePreferencesStore.readJson()));
        openVault(store, new Worker());
    }

    /** Opens the vault and starts the page, or shows the lock screen, which comes back here once unlocked. */
    private static void openVault(VaultKeeper store, Worker worker) {
        Vault vault;
        try {
            vault = store.load();
        } catch (LockedVaultException e) {
            showLockScreen(store, worker);
            return;
        } catch (UnreadableVaultException e) {
            // Shown by the UnreadableVaultPanel, which offers the only ways on; the store refuses every other write.
            vault = Vault.EMPTY;
        } catch (StorageException e) {
            // The vault stays as it is on disk: Fob shows why and offers nothing that could write over it.
            showAppError(e.getMessage());
            return;
        }
        new App(store, vault, worker).start();
    }

    private static void showLockScreen(VaultKeeper store, Worker worker) {
        boolean backupOn;
        try {
            backupOn = new BackupStateStore().load().enabled;
        } catch (StorageException e) {
            backupOn = false;
        }
        boolean backupWaits = backupOn;
        LockScreen screen = new LockScreen(store, new LockPasswords(worker), () -> openVault(store, worker));
        screen.show(backupWaits);
        // Another tab removed the lock, or reset Fob: then this tab opens as that tab left it.
        TabSync.listen(new TabSync.Handler() {
            @Override
            public void vaultChanged() {
                Async.run(() -> {
                    OtherTabs.Then then = OtherTabs.vaultChangedWhileLocked(store);
                    if (then == OtherTabs.Then.RESTART) {
                        Browser.reload();
                    } else if (then == OtherTabs.Then.SHOW_LOCK_SCREEN) {
                        screen.show(backupWaits);
                    }
                }, App::showAppError);
            }

            @Override
            public void locked() {
                // Already locked.
            }

            @Override
            public void backupChanged() {
                // Read again at the unlock.
            }
        });
    }

    @Override
    public DevicePreferences get() {
        return preferences;
    }

    @Override
    public void set(DevicePreferences changed) {
        set(changed, () -> { });
    }

    @Override
    public void set(DevicePreferences changed, Runnable whenStored) {
        preferences = changed;
        idleLock.configure(changed.lockAfterMillis(), changed.lockWhenHidden());
        list.hideCodesUntilClicked(changed.hideCodesUntilClicked());
        Async.run(() -> {
            preferencesStore.save(changed);
            whenStored.run();
        }, Toast::show);
    }

    /** Locks this tab and every other: each reloads, and a reloaded page holds nothing of the vault until unlocked. */
    private void lockNow() {
        if (OtherTabs.lock(store) == OtherTabs.Then.RESTART) {
            TabSync.announceLock();
            Browser.reload();
        }
    }

    private void showLockState() {
        Dom.show(Dom.byId("lock-now"), store.lock() != null);
    }

    /** After the first account, once: App lock is offered (Settings has it at any time). */
    private void offerAppLock(SettingsDialog settings, AppLockPanel lockPanel) {
        HTMLElement offer = Dom.byId("app-lock-offer");
        Runnable update = () -> Dom.show(offer, AppLockOffer.shows(session.vault(), store.lock() != null, preferences,
                session.isUnreadable()));
        Dom.onClick(Dom.byId("app-lock-offer-open"), () -> {
            set(preferences.withAppLockOffered());
            update.run();
            settings.open();
            lockPanel.expand();
            Dom.byId("app-lock-title").scrollIntoView();
        });
        Dom.onClick(Dom.byId("app-lock-offer-dismiss"), () -> {
            set(preferences.withAppLockOffered());
            update.run();
        });
        session.onChange(update);
        update.run();
    }

    /** Input of any kind keeps an unlocked page open; idle time, or a hidden tab if chosen, locks it. */
    private void watchIdleTime() {
        for (String type : new String[] {"pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll"}) {
            Dom.document().addEventListener(type, (EventListener<Event>) event ->
                    idleLock.activity(System.currentTimeMillis()));
        }
        Clock.everySecond(this::lockIfDue);
        Dom.document().addEventListener("visibilitychange", (EventListener<Event>) event -> lockIfDue());
    }

    private void lockIfDue() {
        if (store.lock() == null) {
            return;
        }
        long now = System.currentTimeMillis();
        double testMillis = testIdleMillis();
        if (testMillis > 0) {
            idleLock.configure((long) testMillis, preferences.lockWhenHidden());
        }
        if (idleLock.due(now, Browser.isDocumentHidden())) {
            lockNow();
        }
    }

    /** The end-to-end tests' hook for a short idle time (the shortest choice people have is a minute). */
    @org.teavm.jso.JSBody(script = "return typeof self.fobTestIdleLockMillis === 'number' ?"
            + " self.fobTestIdleLockMillis : 0;")
    private static native double testIdleMillis();

    private void start() {
        Browser.mark("fob-start");
        accountDialog = new AccountDialog(session, list, worker);
        rowActions.useDialog(accountDialog);
        SettingsDialog settings = new SettingsDialog(session, this);
        backup = new BackupService(session, store, worker);
        new LiveEvents(backup.sync(), backup::pullQuietly);
        AppLockPanel lockPanel = new AppLockPanel(session, store, new LockPasswords(worker),
                () -> backup.sync().state().enabled, this, this::showLockState, backup::newKeysForAppLock);
        settings.attach(lockPanel);
        Dom.onClick(Dom.byId("lock-now"), this::lockNow);
        list.hideCodesUntilClicked(preferences.hideCodesUntilClicked());
        RecoveryDialog recovery = new RecoveryDialog(backup);
        settings.attach(new BackupPanel(backup, confirm, new CodeDialog(), recovery,
                new HistoryDialog(backup, confirm), new ActivityDialog(backup)));
        Dom.onClick(Dom.byId("begin-recovery"), recovery::open);
        unreadablePanel = new UnreadableVaultPanel(session, recovery);
        ImportDialog importDialog = new ImportDialog(session, worker,
                after -> backup == null ? null : backup.importWarning(after));
        ExportDialog exportDialog = new ExportDialog(session, worker);
        Dom.onClick(Dom.byId("open-import"), importDialog::open);
        Dom.onClick(Dom.byId("open-export"), exportDialog::open);
        new StorageWarningView(session, this, backup.sync(), () -> {
            settings.open();
            Dom.byId("backup-switch").focus();
        }, exportDialog::open);
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
        groupsBar = new GroupsBar(session, list, confirm);
        Dom.onClick(Dom.byId("add-button"), () -> accountDialog.openForAdding(list.groupShown()));
        Dom.onClick(Dom.byId("settings-button"), settings::open);

        HTMLInputElement search = Dom.byId("search");
        search.addEventListener("input", (EventListener<Event>) event -> list.filter(search.getValue()));

        session.onChange(this::show);
        TabSync.listen(new TabSync.Handler() {
            @Override
            public void vaultChanged() {
                Async.run(() -> {
                    if (OtherTabs.vaultChanged(session) == OtherTabs.Then.RESTART) {
                        Browser.reload();
                    }
                }, message -> {
                    if (!session.isUnreadable()) {
                        showAppError(message);
                    }
                });
            }

            @Override
            public void locked() {
                if (OtherTabs.lock(store) == OtherTabs.Then.RESTART) {
                    Browser.reload();
                }
            }

            @Override
            public void backupChanged() {
                Async.run(backup.sync()::otherTabChanged, App::showAppError);
            }
        });
        Dom.document().addEventListener("visibilitychange", (EventListener<Event>) event -> applyVisibility());

        show();
        applyVisibility();
        showLockState();
        offerAppLock(settings, lockPanel);
        watchIdleTime();
        Browser.mark("fob-first-code");
        Async.run(backup::start, App::showAppError);
        Clock.everySecond(() -> list.tick(System.currentTimeMillis()));
    }

    /**
     * The accounts, or, while the stored vault cannot be opened, the panel that explains it: then adding and
     * Settings are off (the store refuses every write but the two ways on that the panel offers).
     */
    private void show() {
        list.render(session.vault());
        if (groupsBar != null) {
            groupsBar.render(session.vault());
        }
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
        list.hideCodes(CodeMask.masksAll(session.vault().settings(), Browser.isDocumentHidden()));
    }

    private static void showAppError(String message) {
        HTMLElement error = Dom.byId("app-error");
        error.setTextContent(message);
        Dom.show(error, true);
    }
}
