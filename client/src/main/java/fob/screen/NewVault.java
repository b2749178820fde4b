package fob.screen;

import fob.text.Text;

/** "Start a new vault" over one that cannot be opened: what it says will happen. */
public final class NewVault {
    private NewVault() {
    }

    /** {@code shownAccounts}: the accounts this tab still shows (none, in a tab that never read the vault). */
    public static String explanation(int shownAccounts) {
        String start = shownAccounts == 0
                ? Text.t("The new vault starts empty, under new keys, and Cloud backup is off on this device until you"
                        + " turn it on again.")
                : Text.count("The new vault starts with the {0} account this tab still shows, under new keys, and"
                        + " Cloud backup is off on this device until you turn it on again.", "The new vault starts"
                        + " with the {0} accounts this tab still shows, under new keys, and Cloud backup is off on"
                        + " this device until you turn it on again.", shownAccounts);
        return start + " " + Text.t("The unreadable vault is kept aside in this browser's storage; Fob does not delete"
                + " it.");
    }
}
