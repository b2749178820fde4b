package fob.web.ui;

import fob.device.DevicePreferencesHolder;
import fob.local.VaultSession;
import fob.text.Text;
import fob.vault.Settings;
import fob.vault.SortOrder;
import fob.web.Async;
import fob.web.js.Browser;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** The settings that live in the vault, this browser's own, and what this copy of Fob is. */
public final class SettingsDialog {
    private final HTMLElement dialog = Dom.byId("settings-dialog");
    private final HTMLInputElement hideCodes = Dom.byId("setting-hide-codes");
    private final HTMLInputElement hideUntilClicked = Dom.byId("setting-hide-until-clicked");
    private final VaultSession session;
    private final DevicePreferencesHolder preferences;

    private BackupPanel backupPanel;
    private AppLockPanel lockPanel;

    public SettingsDialog(VaultSession session, DevicePreferencesHolder preferences) {
        this.session = session;
        this.preferences = preferences;
        Dom.byId("fob-version").setTextContent(Text.t("version {0}", Browser.meta("fob-version")));
        Dom.onClick(Dom.byId("settings-close"), () -> Browser.closeDialog(dialog));
        hideCodes.addEventListener("change", (EventListener<Event>) event -> {
            boolean hide = hideCodes.isChecked();
            Async.run(() -> session.change(vault -> vault.withSettings(vault.settings().withHideCodesWhenHidden(hide))),
                    message -> {
                        hideCodes.setChecked(!hide);
                        Toast.show(message);
                    });
        });
        HTMLElement sortBy = Dom.byId("setting-sort-by");
        sortBy.addEventListener("change", (EventListener<Event>) event -> {
            SortOrder order = SortOrder.fromJsonName(Dom.value("setting-sort-by"));
            Async.run(() -> session.change(vault -> vault.withSettings(vault.settings().withSortBy(order))),
                    message -> {
                        Dom.setValue("setting-sort-by", session.vault().settings().sortBy().jsonName());
                        Toast.show(message);
                    });
        });
        // The page is written once in its language, so a new one takes a reload (the vault is already on disk).
        Dom.byId("setting-language").addEventListener("change", (EventListener<Event>) event ->
                preferences.set(preferences.get().withLanguage(Dom.value("setting-language")), Browser::reload));
        hideUntilClicked.addEventListener("change", (EventListener<Event>) event ->
                preferences.set(preferences.get().withHideCodesUntilClicked(hideUntilClicked.isChecked())));
    }

    public void attach(BackupPanel panel) {
        this.backupPanel = panel;
    }

    public void attach(AppLockPanel panel) {
        this.lockPanel = panel;
    }

    public void open() {
        if (backupPanel != null) {
            backupPanel.opened();
        }
        if (lockPanel != null) {
            lockPanel.opened();
        }
        Settings settings = session.vault().settings();
        hideCodes.setChecked(settings.hideCodesWhenHidden());
        Dom.setValue("setting-sort-by", settings.sortBy().jsonName());
        hideUntilClicked.setChecked(preferences.get().hideCodesUntilClicked());
        Dom.setValue("setting-language", preferences.get().language());
        Browser.showModal(dialog);
    }
}
