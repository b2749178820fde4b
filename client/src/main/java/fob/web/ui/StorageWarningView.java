package fob.web.ui;

import fob.device.DevicePreferences;
import fob.device.DevicePreferencesHolder;
import fob.local.VaultSession;
import fob.screen.StorageWarning;
import fob.sync.BackupSync;
import fob.web.Async;
import fob.web.js.Browser;
import fob.web.js.Promises;
import fob.web.js.WebAuthn;
import org.teavm.jso.dom.html.HTMLElement;

/** The warning "This browser may delete your accounts" and Settings' storage line; {@link StorageWarning} decides. */
public final class StorageWarningView {
    private final StorageWarning warning = new StorageWarning(Browser.isInstalled(), WebAuthn.available());
    private final VaultSession session;
    private final DevicePreferencesHolder preferences;
    private final BackupSync backup;

    public StorageWarningView(VaultSession session, DevicePreferencesHolder preferences, BackupSync backup,
            Runnable openBackup, Runnable openExport) {
        this.session = session;
        this.preferences = preferences;
        this.backup = backup;
        Dom.show(Dom.byId("storage-warning-backup"), warning.offersBackup());
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
            String answer = Promises.await(Browser.storageKept(persist)).stringValue();
            DevicePreferences learned = warning.answered(answer, preferences.get());
            if (learned != preferences.get()) {
                preferences.set(learned);
            }
            update();
        }, Toast::show);
    }

    private void update() {
        Dom.byId("storage-kept").setTextContent(warning.answer());
        Dom.byId("storage-kept-detail").setTextContent(warning.detail());
        boolean shows = warning.shows(session.vault(), backup.state().enabled, preferences.get(),
                session.isUnreadable());
        Dom.show(Dom.byId("storage-warning"), shows);
        if (warning.decidedNow()) {
            Browser.mark("fob-storage-warning-decided"); // what a test that the warning stays hidden waits for
        }
        StorageWarning.Ask ask = warning.asksNow(session.vault(), shows, preferences.get());
        if (ask == StorageWarning.Ask.ONCE) {
            // Stored before asking: a reload while Firefox's prompt is open must not bring a second one.
            preferences.set(preferences.get().withStoragePersistAsked(), () -> ask(true));
        } else if (ask == StorageWarning.Ask.QUIETLY) {
            ask(true);
        }
    }
}
