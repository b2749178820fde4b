package fob.screen;

import fob.vault.Settings;
import java.util.HashMap;
import java.util.Map;

/**
 * Which codes the list masks with dots: every one while the tab is in the background and the person chose that
 * (Settings, "Hide codes when Fob is in the background"); with "Hide codes until clicked", each until its code is
 * clicked, and again once that code has changed.
 */
public final class CodeMask {
    private boolean all;
    private boolean untilClicked;
    /** The accounts whose code was clicked, with the step of the code shown then. */
    private final Map<String, Long> revealedAt = new HashMap<>();

    /** Whether the vault's settings mask every code now, with the tab in the background or not. */
    public static boolean masksAll(Settings settings, boolean tabHidden) {
        return settings.hideCodesWhenHidden() && tabHidden;
    }

    /** Masks every code, or no longer; answers whether that changed anything. */
    public boolean maskAll(boolean mask) {
        boolean changed = mask != all;
        all = mask;
        return changed;
    }

    /** "Hide codes until clicked" on or off; answers whether that changed anything. */
    public boolean maskUntilClicked(boolean mask) {
        boolean changed = mask != untilClicked;
        untilClicked = mask;
        return changed;
    }

    /** Whether the code of this account at this step shows as dots. */
    public boolean masked(String accountId, long step) {
        if (all) {
            return true;
        }
        Long revealed = untilClicked ? revealedAt.get(accountId) : null;
        return untilClicked && (revealed == null || revealed != step);
    }

    /**
     * What a click on a code does: true, it shows the code ({@link #reveal} it); false, it copies it. A code masked
     * because the tab is in the background is copied as it is.
     */
    public boolean clickReveals(String accountId, long step) {
        return !all && masked(accountId, step);
    }

    /** Shows this account's code until it changes, also across renderings of the list. */
    public void reveal(String accountId, long step) {
        revealedAt.put(accountId, step);
    }
}
