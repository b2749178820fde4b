package fob.screen;

import fob.device.DevicePreferences;
import fob.text.Text;
import fob.vault.Vault;

/**
 * Issue 26, "No quiet eviction": whether the page warns that this browser may delete Fob's storage, what Settings
 * says about it, and when Fob asks the browser to keep it. Safari deletes a site's script-written storage after seven
 * days of use without a visit (unless it is on the Home Screen), and any browser may delete storage it has not
 * promised to keep; without Cloud backup that would take the accounts with it, so the page says so, once. One per
 * page: it remembers what the browser answered, whether Cloud backup's state has been read and whether Fob has asked
 * the browser to keep its storage; the page tells it what happens and shows what it decides.
 */
public final class StorageWarning {
    /** What this browser says about keeping Fob's storage ({@code navigator.storage.persisted()}). */
    public enum Persistence {
        /** It answered true: the storage goes only when the person clears it. */
        KEPT,
        /** It answered false: it may delete the storage, under pressure or (Safari) after a week unvisited. */
        MAY_BE_EVICTED,
        /**
         * It cannot be asked (WebKitGTK has no {@code navigator.storage}) or the question failed. No promise was
         * given, so this counts as {@link #MAY_BE_EVICTED} for the warning, but Settings does not claim a "no".
         */
        UNKNOWN;

        /** The page's adapter writes the browser's answer as "true" or "false"; anything else is no answer. */
        public static Persistence of(String answer) {
            if ("true".equals(answer)) {
                return KEPT;
            }
            return "false".equals(answer) ? MAY_BE_EVICTED : UNKNOWN;
        }
    }

    private final boolean installed;
    /** Null until the browser answers, so that nothing is claimed before. */
    private Persistence persistence;
    /** Until Cloud backup's state is read at the page's start, "off" may only mean "not read yet". */
    private boolean backupRead;
    private boolean asked;

    /** @param installed whether the page runs as an installed app */
    public StorageWarning(boolean installed) {
        this.installed = installed;
    }

    /** The browser's answer to {@code persisted()} or {@code persist()}, as {@link Persistence#of} reads it. */
    public void answered(String answer) {
        persistence = Persistence.of(answer);
    }

    /** Cloud backup's state has been read: its "off" is now known to be off. */
    public void backupRead() {
        backupRead = true;
    }

    /**
     * Whether the warning shows: the browser has answered and not promised to keep the storage, there are accounts
     * to lose (an empty vault has nothing, and is not nagged), Cloud backup is known to be off (with it, the accounts
     * come back), the vault can be read (else its own panel speaks) and the person has not dismissed the warning on
     * this device. It goes as soon as backup is turned on or the browser promises to keep the storage; it comes back
     * if that changes again before the person dismissed it, since the risk is then back too.
     */
    public boolean shows(Vault vault, boolean backupOn, DevicePreferences preferences, boolean unreadable) {
        return persistence != null && persistence != Persistence.KEPT && !vault.isEmpty() && backupRead && !backupOn
                && !preferences.storageWarningDismissed() && !unreadable;
    }

    /** "Install Fob" is offered only to a page that is not running as an installed app already. */
    public boolean offersInstall() {
        return !installed;
    }

    /**
     * Whether to call {@code navigator.storage.persist()} now; a yes counts as asked, as Fob asks at most once a page.
     * Only while the browser has said no (with no StorageManager there is nothing to call) and there are accounts to
     * keep, and only where a permission prompt cannot come out of the blue. Chromium and Safari grant or refuse
     * without asking the person, but Firefox shows a prompt, so Fob asks while the warning shows, which explains the
     * prompt next to it (the warning shows as the first account is added, the moment there is something to keep),
     * or in an installed app, which the person chose to install (Chromium's heuristics favour installed apps).
     * Asking on every change, as Fob used to, would prompt in Firefox again and again.
     */
    public boolean asksNow(Vault vault, boolean warningShows) {
        boolean asks = persistence == Persistence.MAY_BE_EVICTED && !vault.isEmpty() && !asked
                && (warningShows || installed);
        asked |= asks;
        return asks;
    }

    /** Settings' answer after "This browser keeps Fob's storage:"; empty until the browser has answered. */
    public String answer() {
        if (persistence == null) {
            return "";
        }
        switch (persistence) {
            case KEPT:
                return Text.t("Yes");
            case MAY_BE_EVICTED:
                return Text.t("Not promised");
            default:
                return Text.t("Cannot tell");
        }
    }

    /** Settings' hint under the answer: what it means, true of every browser that gives it. */
    public String detail() {
        if (persistence == null) {
            return "";
        }
        switch (persistence) {
            case KEPT:
                return Text.t("The browser has promised to delete it only when you clear Fob's data yourself.");
            case MAY_BE_EVICTED:
                return Text.t("The browser may delete it, for example when space runs low. Cloud backup or an"
                        + " export keeps a copy of your accounts elsewhere.");
            default:
                return Text.t("This browser offers no way to ask, so Fob does not count on it. Cloud backup or an"
                        + " export keeps a copy of your accounts elsewhere.");
        }
    }
}
