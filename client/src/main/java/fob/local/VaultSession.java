package fob.local;

import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vault this page shows, and the only way to change it: each change is applied to the newest vault,
 * stored, and only then shown. Changes run one at a time, so two quick clicks never lose one another; a change
 * that meets another tab's write is applied once more to what that tab saved ({@link #retryingOnce}).
 */
public final class VaultSession {
    /** A change to the vault; it may refuse with a message. */
    public interface Change {
        Vault apply(Vault current) throws VaultException;
    }

    /** A write of the app lock with the vault as it is (the keeper seals both in one record). */
    public interface LockWrite {
        void write(Vault current) throws Exception;
    }

    /** One attempt at a write from the newest vault; returns the vault now stored. */
    private interface Attempt<E extends Exception> {
        Vault run(Vault current) throws E, StorageException;
    }

    private final VaultKeeper keeper;
    private final Runnable afterSave;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Object lock = new Object();
    private Vault vault;

    /** {@code afterSave} runs after each change this page stores (to tell other tabs), not after a reload. */
    public VaultSession(VaultKeeper keeper, Vault vault, Runnable afterSave) {
        this.keeper = keeper;
        this.vault = vault;
        this.afterSave = afterSave;
    }

    public Vault vault() {
        return vault;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Whether the stored vault cannot be opened: then every change is refused, and {@link #vault()} is what this tab last read. */
    public boolean isUnreadable() {
        return keeper.isUnreadable();
    }

    /** Whether the last reload found the vault under another key than this tab had (another tab replaced it). */
    public boolean vaultKeyReplaced() {
        return keeper.vaultKeyReplaced();
    }

    /** Why the stored vault cannot be opened, as the page says it; null when it can. */
    public String unreadableMessage() {
        return keeper.unreadableMessage();
    }

    /**
     * Applies and stores the change, then shows it. If another tab saved in between, the change is applied
     * again to what that tab saved. On failure nothing changes and the exception says why.
     */
    public Vault change(Change change) throws VaultException, StorageException {
        return this.<VaultException>retryingOnce(current -> {
            Vault next = change.apply(current);
            keeper.save(next);
            return next;
        });
    }

    /**
     * Makes a restored backup's key this browser's vault key and {@code restored} its vault, in one write.
     * {@code restored} is computed from the newest vault, under the same lock as every change. Into a vault that
     * cannot be opened, it is a recovery into a new vault that keeps the unreadable one aside.
     */
    public Vault adopt(byte[] vaultKey, Change restored) throws VaultException, StorageException {
        return this.<VaultException>retryingOnce(current -> {
            Vault next = restored.apply(current);
            keeper.adoptVaultKey(vaultKey, next);
            return next;
        });
    }

    /**
     * Adds, replaces or removes the app lock: written with the newest vault, under the same lock as every change.
     * If another tab saved in between, this reads its vault and writes again; any other failure changes nothing.
     */
    public void storeLock(LockWrite write) throws Exception {
        this.<Exception>retryingOnce(current -> {
            write.write(current);
            return current;
        });
    }

    /**
     * "Start a new vault" over one that cannot be opened: what this tab still shows (nothing, in a tab that
     * could never read it) goes into the new vault; the unreadable one is kept aside. When another tab has already
     * replaced it, this tab only shows that tab's vault; when the record changed but still cannot be opened, that
     * one is replaced and kept aside.
     */
    public void startOver() throws StorageException {
        synchronized (lock) {
            try {
                keeper.startOver(vault);
            } catch (ConflictException e) {
                try {
                    loadAndShow();
                    return;
                } catch (UnreadableVaultException stillUnreadable) {
                    // The record changed since this tab read it but cannot be opened either: the person's answer
                    // holds for it too, and it is kept aside like the first.
                    keeper.startOver(vault);
                }
            }
            saved(vault);
        }
    }

    /** Shows what another tab saved. A vault that became unreadable is reported, and this tab's copy stays. */
    public void reload() throws StorageException {
        synchronized (lock) {
            loadAndShow();
        }
    }

    /**
     * Runs {@code attempt} on the vault shown; when another tab wrote first, reads what it wrote and runs it once
     * more on that (a second conflict is reported: the person tries again). Then shows what was stored.
     */
    private <E extends Exception> Vault retryingOnce(Attempt<E> attempt) throws E, StorageException {
        synchronized (lock) {
            Vault next;
            try {
                next = attempt.run(vault);
            } catch (ConflictException e) {
                loadAndShow();
                next = attempt.run(vault);
            }
            saved(next);
            return next;
        }
    }

    private void loadAndShow() throws StorageException {
        try {
            vault = keeper.load();
        } catch (UnreadableVaultException e) {
            notifyListeners();
            throw e;
        }
        notifyListeners();
    }

    private void saved(Vault next) {
        vault = next;
        afterSave.run();
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
