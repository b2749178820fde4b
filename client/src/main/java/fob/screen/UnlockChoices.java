package fob.screen;

import fob.lock.AppLock;
import fob.text.Text;

/** What the lock screen offers: "Unlock" with a passkey, the lock password, or both, as the lock has them. */
public final class UnlockChoices {
    private final boolean passkey;
    private final boolean password;

    private UnlockChoices(boolean passkey, boolean password) {
        this.passkey = passkey;
        this.password = password;
    }

    /** {@code lock}: the stored app lock, or null (then nothing unlocks: Fob is not locked). */
    public static UnlockChoices of(AppLock lock) {
        return new UnlockChoices(lock != null && !lock.passkeySlots().isEmpty(),
                lock != null && lock.passwordSlot() != null);
    }

    public boolean passkey() {
        return passkey;
    }

    public boolean password() {
        return password;
    }

    /** Whether the keyboard starts at "Unlock" (a passkey) rather than in the password field. */
    public boolean startsWithPasskey() {
        return passkey;
    }

    /** What is wrong with the password typed before it is tried, or null. */
    public static String passwordProblem(String password) {
        return password.isEmpty() ? Text.t("Enter the lock password.") : null;
    }
}
