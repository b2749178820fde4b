package fob.screen;

import fob.device.DevicePreferences;
import fob.text.Text;
import fob.vault.Vault;

/**
 * Issue 26, "No quiet eviction": whether the page warns that this browser may delete Fob's storage, what Settings
 * says about it, and when Fob asks the browser to keep it. Safari deletes a site's script-written storage after seven
 * days of use without a visit (unless it is on the Home Screen), and any browser may delete storage it has not
 * promised to keep; without Cloud backup that would take the accounts with it, so the page says so on every load
 * until the person dismisses it on this device. One per page: it remembers what the browser answered, whether Cloud
 * backup's state has been read and whether an ask is under way; the page tells it what happens and shows what it
 * decides.
 */
public final class StorageWarning {
    /**
     * An answer to {@code persist()} within this many milliseconds came from the browser alone. Both Chromium and
     * Firefox call the permission "prompt" before it is decided, and Chromium still does after refusing, so the state
     * cannot tell them apart; what can is that a prompt waits for the person. Headless and windowed Chromium 156
     * answered in under 3 ms with no prompt, Firefox ESR 153 had not answered after 3 s (its prompt waited), and no
     * person reads and answers a prompt in a quarter of a second. A browser slower than this only loses quiet asks.
     */
    static final int QUIET_MILLIS = 250;

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

    /** The persistent-storage permission, {@code navigator.permissions.query({name: 'persistent-storage'})}. */
    public enum Permission {
        /** {@code persist()} keeps the storage without a prompt. */
        GRANTED,
        /** Refused for good (Firefox's "Block" with "Remember"): asking again changes nothing. */
        DENIED,
        /** Not decided: Firefox would prompt; Chromium says this too, but decides by itself without a prompt. */
        PROMPT,
        /** It cannot be queried (Safari and WebKitGTK know no such permission): it may be like {@link #PROMPT}. */
        UNKNOWN;

        /** The adapter writes the state as the browser names it; anything else cannot be queried. */
        public static Permission of(String state) {
            switch (state == null ? "" : state) {
                case "granted":
                    return GRANTED;
                case "denied":
                    return DENIED;
                case "prompt":
                    return PROMPT;
                default:
                    return UNKNOWN;
            }
        }
    }

    /** Whether and how to call {@code persist()} now. */
    public enum Ask {
        NO,
        /** No prompt can show: the page just asks. */
        QUIETLY,
        /**
         * A prompt may show, beside the warning: the page first stores {@link DevicePreferences#storagePersistAsked},
         * so that this device never gets another, not even after a reload while the prompt is open.
         */
        ONCE
    }

    private final boolean installed;
    private final boolean passkeys;
    /** Null until the browser answers, so that nothing is claimed before. */
    private Persistence persistence;
    private Permission permission = Permission.UNKNOWN;
    /** Until Cloud backup's state is read at the page's start, "off" may only mean "not read yet". */
    private boolean backupRead;
    private boolean decided;
    /** The ask under way, or null: one at a time, as Firefox's prompt may wait for the person indefinitely. */
    private Ask asking;
    /** Whether the ask under way tells whether this browser prompts (its permission was not decided). */
    private boolean askingLearns;
    /** The vault of the last ask: a quiet ask comes at the start and after each change, as before issue 26. */
    private Vault askedFor;

    /**
     * @param installed whether the page runs as an installed app
     * @param passkeys whether this browser can use passkeys, without which Cloud backup cannot be turned on
     */
    public StorageWarning(boolean installed, boolean passkeys) {
        this.installed = installed;
        this.passkeys = passkeys;
    }

    /**
     * The adapter's answer, "kept permission millis": {@code persisted()} or {@code persist()} as {@link
     * Persistence#of} reads it, the permission as {@link Permission#of} reads it, and how long the answer took.
     * Returns {@code preferences}, or after an ask whose permission was undecided, them with what it showed: whether
     * this browser answers at once ({@link #QUIET_MILLIS}), so that asking here shows no prompt.
     */
    public DevicePreferences answered(String answer, DevicePreferences preferences) {
        persistence = Persistence.of(word(answer, 0));
        permission = Permission.of(word(answer, 1));
        boolean learns = asking != null && askingLearns;
        asking = null;
        if (!learns) {
            return preferences;
        }
        boolean quiet = millis(word(answer, 2)) < QUIET_MILLIS;
        return quiet == preferences.storagePersistQuiet() ? preferences : preferences.withStoragePersistQuiet(quiet);
    }

    /** The {@code index}th of the words separated by single spaces, or "" (client code avoids regular expressions). */
    private static String word(String text, int index) {
        String rest = text == null ? "" : text;
        for (int i = 0; i < index; i++) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** Milliseconds as the adapter writes them; anything else counts as slow, which is never taken for quiet. */
    private static int millis(String text) {
        try {
            int millis = Integer.parseInt(text);
            return millis < 0 ? Integer.MAX_VALUE : millis;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
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

    /**
     * True once a page, as the page first knows whether to show the warning: the browser has answered and Cloud
     * backup's state is read. The page marks it, so that a check that the warning stays hidden waits for the decision
     * rather than passing before it.
     */
    public boolean decidedNow() {
        if (decided || persistence == null || !backupRead) {
            return false;
        }
        decided = true;
        return true;
    }

    /** "Install Fob" is offered only to a page that is not running as an installed app already. */
    public boolean offersInstall() {
        return !installed;
    }

    /**
     * "Turn on Cloud backup" is offered only where passkeys can be used: without them (WebKitGTK has no
     * PublicKeyCredential) the switch it leads to cannot be turned on. Installing and exporting remain.
     */
    public boolean offersBackup() {
        return passkeys;
    }

    /**
     * Whether to call {@code persist()} now, by {@link #ask}: only while the browser has said no (with no
     * StorageManager there is nothing to call) and there are accounts to keep, one ask at a time, and at most once a
     * vault (at the page's start and after each change). What the browser answers comes to {@link #answered}.
     */
    public Ask asksNow(Vault vault, boolean warningShows, DevicePreferences preferences) {
        if (persistence != Persistence.MAY_BE_EVICTED || vault.isEmpty() || asking != null || vault == askedFor) {
            return Ask.NO;
        }
        Ask ask = ask(permission, warningShows, preferences.storagePersistAsked(), preferences.storagePersistQuiet());
        if (ask != Ask.NO) {
            asking = ask;
            askingLearns = permission != Permission.GRANTED;
            askedFor = vault;
        }
        return ask;
    }

    /**
     * The rule for asking the browser to keep Fob's storage. Chromium and Safari decide without asking the person
     * (Chromium by its heuristics, which favour installed and much-used sites, so that asking again later may
     * succeed); Firefox shows a prompt, and its "Block" without "Remember" lasts only until the page reloads, so
     * asking at every load prompts again and again. So:
     * <ul>
     * <li>granted: ask quietly (no prompt), and the storage is kept;</li>
     * <li>denied: never (the person refused for good, and asking changes nothing);</li>
     * <li>undecided or unknown, and this browser answered an earlier ask at once: ask quietly, whether or not the
     * warning shows, as Fob did before issue 26;</li>
     * <li>otherwise a prompt may show: ask {@link Ask#ONCE} a device, and only while the warning shows, whose words
     * say why. An installed app gets no exception, since its prompt would come without those words.</li>
     * </ul>
     *
     * @param askedBefore {@link DevicePreferences#storagePersistAsked}
     * @param answersQuietly {@link DevicePreferences#storagePersistQuiet}
     */
    public static Ask ask(Permission permission, boolean warningShows, boolean askedBefore, boolean answersQuietly) {
        if (permission == Permission.GRANTED) {
            return Ask.QUIETLY;
        }
        if (permission == Permission.DENIED) {
            return Ask.NO;
        }
        if (answersQuietly) {
            return Ask.QUIETLY;
        }
        return warningShows && !askedBefore ? Ask.ONCE : Ask.NO;
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
