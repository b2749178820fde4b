package fob.local;

import fob.lock.LockKeeper;

/**
 * What a page does when another tab of this browser says it changed the vault or locked Fob (the page's tab-sync
 * channel delivers the message), and when the person locks this one: judged and carried out on the page's own
 * {@link VaultKeeper} and {@link VaultSession}; the page only acts on the answer.
 */
public final class OtherTabs {
    /** What the page must do afterwards. */
    public enum Then {
        /** Nothing more: the page shows what it should. */
        STAY,
        /** Start afresh (a reload): the page holds a key or a state that no longer fits what is stored. */
        RESTART,
        /** Show the lock screen again: the lock changed and this page still does not hold its key. */
        SHOW_LOCK_SCREEN
    }

    private OtherTabs() {
    }

    /** An open page hears that the vault changed: it shows the new one, or restarts when a lock it lacks came. */
    public static Then vaultChanged(VaultSession session) throws StorageException {
        try {
            session.reload();
            return Then.STAY;
        } catch (LockedVaultException e) {
            return Then.RESTART;
        }
    }

    /**
     * A locked page hears that the vault changed: the lock is gone or the vault reset (it restarts and opens as the
     * other tab left it), or the lock changed (it asks again).
     */
    public static Then vaultChangedWhileLocked(VaultKeeper keeper) throws StorageException {
        if (keeper.lockState() != LockKeeper.State.LOCKED) {
            return Then.STAY;
        }
        try {
            keeper.load();
            return Then.RESTART;
        } catch (LockedVaultException e) {
            return Then.SHOW_LOCK_SCREEN;
        }
    }

    /**
     * Another tab locked Fob, or the person chose "Lock now" here: with a lock, this page forgets the lock key and
     * restarts, so that it holds nothing of the vault until unlocked; without one there is nothing to lock.
     */
    public static Then lock(VaultKeeper keeper) {
        if (keeper.lock() == null) {
            return Then.STAY;
        }
        keeper.forgetLockKey();
        return Then.RESTART;
    }
}
