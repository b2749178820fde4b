package fob.web.ui;

import fob.device.DevicePreferencesHolder;
import fob.local.VaultSession;
import fob.screen.StorageWarning;
import fob.sync.BackupSync;
import fob.web.Async;
import fob.web.js.Browser;
import fob.web.js.Promises;
import org.teavm.jso.dom.html.HTMLElement;

/** The warning "This browser may delete your accounts" and Settings' storage line; {@link StorageWarning} decides. */
public final class StorageWarningView {
    private final StorageWarning warning = new StorageWarning(Browser.isInstalled());
    private final VaultSession session;
    private final DevicePreferencesHolder preferences;
    private final BackupSync backup;

    public StorageWarningView(VaultSession session, DevicePreferencesHolder preferences, BackupSync backup,
            Runnable openBackup, Runnable openExport) {
        this.session = session;
        this.preferences = preferences;
        this.backup = backup;
        Dom.onClick(Dom.byId("storage-warning-backup"), openBackup);
        Dom.onClick(Dom.byId("storage-warning-export"), openExport);
        HTMLElement install = Dom.byId("storage-warning-install");
        HTMLElement help = Dom.byId("storage-warning-install-help");
        Dom.show(install, warning.offersInstall());
        Dom.onClick(install, () -> {
            Dom.show(help, help.isHidden());
            install.setAttribute("aria-expanded", String.valueOf(!help.isHidden()));
        });
        Dom.onClick(Dom.byId("storage-warning-dismiss"), () -> {
            preferences.set(preferences.get().withStorageWarningDismissed());
            update();
            Dom.byId("search").focus(); // rather than nowhere, now that the focused button is hidden
        });
        session.onChange(this::update);
        backup.onChange(() -> {
            warning.backupRead();
            update();
        });
        ask(false);
    }

    /** Reads whether the browser keeps Fob's storage, after asking it to when {@code persist}, and shows it. */
    private void ask(boolean persist) {
        Async.run(() -> {
            warning.answered(Promises.await(Browser.storageKept(persist)).stringValue());
            update();
        }, Toast::show);
    }

    private void update() {
        Dom.byId("storage-kept").setTextContent(warning.answer());
        Dom.byId("storage-kept-detail").setTextContent(warning.detail());
        boolean shows = warning.shows(session.vault(), backup.state().enabled, preferences.get(),
                session.isUnreadable());
        Dom.show(Dom.byId("storage-warning"), shows);
        if (warning.asksNow(session.vault(), shows)) {
            ask(true);
        }
    }
}
