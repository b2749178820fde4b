package fob.web;

import fob.vault.Vault;
import fob.vault.VaultException;
import fob.web.store.StorageException;
import fob.web.store.VaultStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The vault this page shows, and the only way to change it: each change is applied to the newest vault,
 * stored, and only then shown. Changes run one at a time, so two quick clicks never lose one another.
 */
public final class VaultSession {
    /** A change to the vault; it may refuse with a message. */
    public interface Change {
        Vault apply(Vault current) throws VaultException;
    }

    private final VaultStore store;
    private final Runnable afterSave;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Object lock = new Object();
    private Vault vault;

    /** {@code afterSave} runs after each change this page stores (to tell other tabs), not after a reload. */
    public VaultSession(VaultStore store, Vault vault, Runnable afterSave) {
        this.store = store;
        this.vault = vault;
        this.afterSave = afterSave;
    }

    public Vault vault() {
        return vault;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Applies and stores the change, then shows it. If another tab saved in between, the change is applied
     * again to what that tab saved. On failure nothing changes and the exception says why.
     */
    public Vault change(Change change) throws VaultException, StorageException {
        synchronized (lock) {
            Vault next = change.apply(vault);
            try {
                store.save(next);
            } catch (StorageException e) {
                if (!e.isConflict()) {
                    throw e;
                }
                vault = store.load();
                notifyListeners();
                next = change.apply(vault);
                store.save(next);
            }
            vault = next;
            afterSave.run();
            notifyListeners();
            return next;
        }
    }

    /**
     * Makes a restored backup's key this browser's vault key and {@code restored} its vault, in one write.
     * {@code restored} is computed from the newest vault, under the same lock as every change.
     */
    public Vault adopt(byte[] vaultKey, Change restored) throws VaultException, StorageException {
        synchronized (lock) {
            Vault next = restored.apply(vault);
            store.adoptVaultKey(vaultKey, next);
            vault = next;
            afterSave.run();
            notifyListeners();
            return next;
        }
    }

    /** Shows what another tab saved. */
    public void reload() throws StorageException {
        synchronized (lock) {
            vault = store.load();
            notifyListeners();
        }
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
