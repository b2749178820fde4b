package fob.screen;

import fob.device.DevicePreferences;
import fob.vault.Vault;

/** After the first account, once: the main screen offers App lock (Settings has it at any time). */
public final class AppLockOffer {
    private AppLockOffer() {
    }

    /**
     * Whether the offer shows: there is an account to protect, no lock yet, it was not offered (opened or dismissed)
     * on this device before, and the vault can be read (else nothing can be locked).
     */
    public static boolean shows(Vault vault, boolean locked, DevicePreferences preferences, boolean unreadable) {
        return !vault.isEmpty() && !locked && !preferences.appLockOffered() && !unreadable;
    }
}
