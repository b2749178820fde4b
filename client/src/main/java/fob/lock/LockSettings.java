package fob.lock;

import fob.text.Text;

/**
 * What Settings → "App lock" says and accepts, decided here for the page to show: the lock's state in words, and
 * whether a new lock password will do.
 */
public final class LockSettings {
    private LockSettings() {
    }

    /** The lock's state in words: off, or on with the ways it unlocks. {@code lock} is null when it is off. */
    public static String state(AppLock lock) {
        if (lock == null) {
            return Text.t("Off: anyone at this computer can see your codes.");
        }
        int passkeyCount = lock.passkeySlots().size();
        boolean password = lock.passwordSlot() != null;
        if (passkeyCount > 0 && password) {
            return Text.count("On: unlocks with a passkey or the lock password.",
                    "On: unlocks with {0} passkeys or the lock password.", passkeyCount);
        }
        if (passkeyCount > 0) {
            return Text.count("On: unlocks with a passkey.", "On: unlocks with {0} passkeys.", passkeyCount);
        }
        return Text.t("On: unlocks with the lock password.");
    }

    /** Why {@code password}, typed again as {@code repeated}, cannot be the lock password; null when it can. */
    public static String newPasswordProblem(String password, String repeated) {
        if (password.length() < PasswordLockSlot.MIN_PASSWORD_LENGTH) {
            return Text.t("Choose a lock password of at least {0} characters.", PasswordLockSlot.MIN_PASSWORD_LENGTH);
        }
        if (!password.equals(repeated)) {
            return Text.t("The two lock passwords differ.");
        }
        return null;
    }
}
