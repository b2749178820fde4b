package fob.web.ui;

import fob.local.VaultKeeper;
import fob.lock.PasswordLockSlot;
import fob.lock.WrongSecretException;
import fob.screen.UnlockChoices;
import fob.text.Text;
import fob.web.Async;
import fob.web.js.Browser;
import fob.web.js.TabSync;
import fob.web.lock.LockPasskeys;
import fob.web.lock.LockPasswords;
import java.util.List;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What a locked page shows: "Unlock" (passkey) and "Lock password" with "Unlock with password", whichever the lock
 * has, and "Reset Fob". Nothing of the vault: no issuer, name, code or count of accounts (none is decrypted).
 */
public final class LockScreen {
    private static final String[] HIDDEN_WHILE_LOCKED = {"search", "accounts", "empty-vault", "no-match",
        "add-button", "settings-button", "lock-now", "app-lock-offer"};

    private final HTMLElement screen = Dom.byId("lock-screen");
    private final TypedConfirmation resetConfirmation = new TypedConfirmation("reset", Text.t("reset"));
    private final VaultKeeper store;
    private final LockPasswords passwords;
    private final LockPasskeys passkeys = new LockPasskeys();
    private final Runnable unlocked;
    private boolean busy;

    /** {@code unlocked} runs once the store holds the lock key: it opens the vault and starts the page. */
    public LockScreen(VaultKeeper store, LockPasswords passwords, Runnable unlocked) {
        this.store = store;
        this.passwords = passwords;
        this.unlocked = unlocked;
        Dom.onClick(Dom.byId("unlock-passkey"), this::unlockWithPasskey);
        Dom.byId("lock-password-row").addEventListener("submit", (EventListener<Event>) event -> {
            event.preventDefault();
            unlockWithPassword();
        });
        Dom.onClick(Dom.byId("reset-fob"), resetConfirmation::open);
        Dom.onClick(Dom.byId("reset-yes"), this::reset);
        Dom.onClick(Dom.byId("reset-no"), resetConfirmation::close);
    }

    /**
     * Shows the lock screen, or shows it anew for a lock another tab changed; {@code backupOn} adds that Cloud
     * backup waits. Only the first showing moves the keyboard to it: a person typing the password keeps typing.
     */
    public void show(boolean backupOn) {
        boolean first = screen.isHidden();
        for (String id : HIDDEN_WHILE_LOCKED) {
            Dom.show(Dom.byId(id), false);
        }
        UnlockChoices choices = UnlockChoices.of(store.lock());
        Dom.show(Dom.byId("lock-passkey-row"), choices.passkey());
        Dom.show(Dom.byId("lock-password-row"), choices.password());
        Dom.show(Dom.byId("lock-backup-status"), backupOn);
        Dom.show(screen, true);
        if (first) {
            Browser.setTitle(Text.t("Fob (locked)"));
            Browser.mark("fob-locked");
            Dom.byId(choices.startsWithPasskey() ? "unlock-passkey" : "lock-password").focus();
        }
    }

    private void hide() {
        Dom.show(screen, false);
        for (String id : new String[] {"search", "accounts", "add-button", "settings-button", "lock-now"}) {
            Dom.show(Dom.byId(id), true);
        }
        Dom.setValue("lock-password", "");
        Browser.setTitle("Fob");
    }

    private void unlockWithPasskey() {
        if (busy) {
            return;
        }
        busy = true;
        Messages.show("lock-error", null);
        Async.run(() -> {
            try {
                List<byte[]> ids = store.lock().passkeyCredentialIds();
                LockPasskeys.Answer answer;
                try {
                    answer = passkeys.get(ids);
                } catch (LockPasskeys.PasskeyException e) {
                    Messages.show("lock-error", e.getMessage());
                    return;
                }
                try {
                    store.unlockWithPasskey(answer.credentialId, answer.prf);
                } catch (WrongSecretException e) {
                    Messages.show("lock-error", Text.t("{0}. Fob stays locked.", e.getMessage()));

                    return;
                }
                hide();
                unlocked.run();
            } finally {
                busy = false;
            }
        }, message -> Messages.show("lock-error", message));
    }

    private void unlockWithPassword() {
        PasswordLockSlot slot = store.lock() == null ? null : store.lock().passwordSlot();
        String password = Dom.value("lock-password");
        if (busy || slot == null) {
            return;
        }
        String problem = UnlockChoices.passwordProblem(password);
        if (problem != null) {
            Messages.show("lock-error", problem);
            return;
        }
        busy = true;
        Messages.show("lock-error", null);
        Dom.show(Dom.byId("unlock-progress"), true);
        Async.run(() -> {
            try {
                byte[] key = passwords.key(password, slot);
                try {
                    store.unlockWithPassword(key);
                } catch (WrongSecretException e) {
                    Messages.show("lock-error", Text.t("That is not the lock password. Fob stays locked; nothing was"
                            + " changed."));
                    Dom.byId("lock-password").focus();
                    return;
                }
                hide();
                unlocked.run();
            } finally {
                busy = false;
                Dom.show(Dom.byId("unlock-progress"), false);
            }
        }, message -> Messages.show("lock-error", message));
    }

    private void reset() {
        if (!resetConfirmation.confirmed()) {
            return;
        }
        Async.run(() -> {
            store.wipe();
            TabSync.announceChange();
            Browser.reload();
        }, resetConfirmation::showError);
    }
}
