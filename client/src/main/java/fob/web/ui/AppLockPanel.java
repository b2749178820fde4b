package fob.web.ui;

import fob.device.DevicePreferencesHolder;
import fob.local.VaultKeeper;
import fob.local.VaultSession;
import fob.lock.AppLock;
import fob.lock.LockSettings;
import fob.lock.PasswordLockSlot;
import fob.lock.PasswordStrength;
import fob.lock.WrongSecretException;
import fob.text.Text;
import fob.web.Async;
import fob.web.backup.WebCryptoBackend;
import fob.web.js.Browser;
import fob.web.lock.LockPasskeys;
import fob.web.lock.LockPasswords;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Settings → "App lock": the switch, "Lock with passkey", "Set lock password", "Lock after" and "Lock when Fob is
 * in the background". Turning the lock off asks for a passkey or the password again ("Turn off App lock?").
 */
public final class AppLockPanel {
    private final HTMLInputElement lockSwitch = Dom.byId("app-lock-switch");
    private final HTMLInputElement whenHidden = Dom.byId("lock-when-hidden");
    private final HTMLElement offDialog = Dom.byId("lock-off-dialog");
    private final VaultSession session;
    private final VaultKeeper store;
    private final LockPasswords passwords;
    private final LockPasskeys passkeys = new LockPasskeys();
    private final BooleanSupplier backupOn;
    private final DevicePreferencesHolder preferences;
    private final Runnable lockChanged;
    private final Async.Task newKeys;
    private boolean busy;

    /**
     * {@code newKeys} gives the vault (and the backup, when this browser backs up) a new key as the lock is first
     * turned on, so that nothing kept from before the lock opens what is written after it.
     */
    public AppLockPanel(VaultSession session, VaultKeeper store, LockPasswords passwords, BooleanSupplier backupOn,
            DevicePreferencesHolder preferences, Runnable lockChanged, Async.Task newKeys) {
        this.newKeys = newKeys;
        this.session = session;
        this.store = store;
        this.passwords = passwords;
        this.backupOn = backupOn;
        this.preferences = preferences;
        this.lockChanged = lockChanged;
        lockSwitch.addEventListener("change", (EventListener<Event>) event -> switched());
        Dom.onClick(Dom.byId("lock-with-passkey"), this::lockWithPasskey);
        Dom.onClick(Dom.byId("set-lock-password"), () -> {
            Dom.show(Dom.byId("new-lock-password-rows"), true);
            Dom.byId("new-lock-password").focus();
        });
        Dom.byId("new-lock-password").addEventListener("input", (EventListener<Event>) event ->
                Dom.byId("lock-password-hint").setTextContent(PasswordStrength.hint(Dom.value("new-lock-password"))));
        Dom.onClick(Dom.byId("save-lock-password"), this::savePassword);
        Dom.byId("lock-after").addEventListener("change", (EventListener<Event>) event ->
                preferences.set(preferences.get().withLockAfterMinutes(Integer.parseInt(Dom.value("lock-after")))));
        whenHidden.addEventListener("change", (EventListener<Event>) event ->
                preferences.set(preferences.get().withLockWhenHidden(whenHidden.isChecked())));
        Dom.onClick(Dom.byId("lock-off-passkey"), this::turnOffWithPasskey);
        Dom.onClick(Dom.byId("lock-off-with-password"), this::turnOffWithPassword);
        Dom.onClick(Dom.byId("lock-off-cancel"), () -> Browser.closeDialog(offDialog));
    }

    /** Shows the lock as it is, each time Settings opens. */
    public void opened() {
        Messages.show("lock-setup-error", null);
        Dom.show(Dom.byId("new-lock-password-rows"), false);
        Dom.setValue("lock-after", Integer.toString(preferences.get().lockAfterMinutes()));
        whenHidden.setChecked(preferences.get().lockWhenHidden());
        showState(store.lock() != null);
    }

    /** Opens Settings' App lock part at once (the offer after the first account). */
    public void expand() {
        lockSwitch.setChecked(true);
        showState(true);
    }

    private void showState(boolean expanded) {
        AppLock lock = store.lock();
        lockSwitch.setChecked(expanded || lock != null);
        Dom.show(Dom.byId("app-lock-options"), expanded || lock != null);
        Dom.show(Dom.byId("lock-timing"), lock != null);
        Dom.byId("app-lock-status").setTextContent(LockSettings.state(lock));
    }

    private void switched() {
        if (lockSwitch.isChecked()) {
            showState(true);
        } else if (store.lock() == null) {
            showState(false);
        } else {
            lockSwitch.setChecked(true);
            askToTurnOff();
        }
    }

    private void run(Async.Task task, Consumer<String> failed) {
        if (busy) {
            return;
        }
        busy = true;
        Async.run(() -> {
            try {
                task.run();
            } finally {
                busy = false;
            }
        }, failed::accept);
    }

    private void lockWithPasskey() {
        Messages.show("lock-setup-error", null);
        run(() -> {
            LockPasskeys.Answer answer;
            try {
                // With Cloud backup on, the person has a passkey for Fob already: any of them may lock this device.
                answer = backupOn.getAsBoolean() ? passkeys.get(new ArrayList<>()) : passkeys.create();
            } catch (LockPasskeys.PasskeyException e) {
                Messages.show("lock-setup-error", e.getMessage());
                return;
            }
            newKeysIfFirstSlot();
            session.storeLock(vault -> store.addLockPasskey(vault, answer.credentialId, answer.prf));
            changed(Text.t("Fob now locks with your passkey."));
        }, message -> Messages.show("lock-setup-error", message));
    }

    private void savePassword() {
        String password = Dom.value("new-lock-password");
        Messages.show("lock-setup-error", null);
        String problem = LockSettings.newPasswordProblem(password, Dom.value("new-lock-password-repeat"));
        if (problem != null) {
            Messages.show("lock-setup-error", problem);
            return;
        }
        long started = System.currentTimeMillis();
        Dom.show(Dom.byId("lock-setup-progress"), true);
        int ticker = Window.setInterval(() -> Dom.byId("lock-setup-elapsed").setTextContent(Text.t(
                "Protecting the password… {0} s", (System.currentTimeMillis() - started) / 1000)), 250);

        run(() -> {
            try {
                byte[] salt = new WebCryptoBackend().random(16);
                byte[] key = passwords.newKey(password, salt);
                newKeysIfFirstSlot();
                session.storeLock(vault -> store.addLockPassword(vault, key, salt, PasswordLockSlot.MEMORY_KIB,
                        PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM));
                Dom.setValue("new-lock-password", "");
                Dom.setValue("new-lock-password-repeat", "");
                Dom.byId("lock-password-hint").setTextContent("");
                Dom.show(Dom.byId("new-lock-password-rows"), false);
                changed(Text.t("Fob now locks with your password."));
            } finally {
                Window.clearInterval(ticker);
                Dom.byId("lock-setup-elapsed").setTextContent("");
                Dom.show(Dom.byId("lock-setup-progress"), false);
            }
        }, message -> Messages.show("lock-setup-error", message));
    }

    /**
     * Before the lock's first slot is stored: new keys (docs/security.md, "Turning App lock on gives new keys"), so
     * that a lock once on always sits over keys made for it, whatever reload or failure comes between. Should new keys
     * fail, the lock still goes on, and the person is told what the old key still opens.
     */
    private void newKeysIfFirstSlot() {
        if (store.lock() != null) {
            return;
        }
        try {
            newKeys.run();
        } catch (Exception e) {
            Messages.show("lock-setup-error", Text.t("App lock is on, but Fob could not give your accounts new keys"
                    + " ({0}). Until it does, a copy of this browser's storage from before the lock still opens them:"
                    + " turn the lock off and on again to try again.", e.getMessage()));
        }
    }

    private void changed(String toast) {
        showState(true);
        lockChanged.run();
        Toast.show(toast);
    }

    private void askToTurnOff() {
        AppLock lock = store.lock();
        Dom.show(Dom.byId("lock-off-passkey-row"), !lock.passkeySlots().isEmpty());
        Dom.show(Dom.byId("lock-off-password-row"), lock.passwordSlot() != null);
        Dom.setValue("lock-off-password", "");
        Messages.show("lock-off-error", null);
        Browser.showModal(offDialog);
    }

    private void turnOffWithPasskey() {
        Messages.show("lock-off-error", null);
        run(() -> {
            List<byte[]> ids = store.lock().passkeyCredentialIds();
            LockPasskeys.Answer answer;
            try {
                answer = passkeys.get(ids);
                store.checkPasskey(answer.credentialId, answer.prf);
            } catch (LockPasskeys.PasskeyException | WrongSecretException e) {
                Messages.show("lock-off-error", e.getMessage());
                return;
            }
            turnOff();
        }, message -> Messages.show("lock-off-error", message));
    }

    private void turnOffWithPassword() {
        PasswordLockSlot slot = store.lock().passwordSlot();
        String password = Dom.value("lock-off-password");
        Messages.show("lock-off-error", null);
        Dom.show(Dom.byId("lock-off-progress"), true);
        run(() -> {
            try {
                try {
                    store.checkPassword(passwords.key(password, slot));
                } catch (WrongSecretException e) {
                    Messages.show("lock-off-error", Text.t("That is not the lock password. App lock stays on."));
                    return;
                }
                turnOff();
            } finally {
                Dom.show(Dom.byId("lock-off-progress"), false);
            }
        }, message -> Messages.show("lock-off-error", message));
    }

    private void turnOff() throws Exception {
        session.storeLock(store::removeLock);
        Browser.closeDialog(offDialog);
        showState(false);
        lockChanged.run();
        Toast.show(Text.t("App lock is off."));
    }
}
