package fob.web.backup;

import fob.local.StorageException;
import fob.local.VaultKeeper;
import fob.local.VaultSession;
import fob.sync.LocalStorageException;
import fob.sync.LocalVault;
import fob.vault.Vault;
import fob.vault.VaultException;

/** The sync core's vault: the page's VaultSession, its storage failures turned into the core's. */
final class SessionVault implements LocalVault {
    private final VaultSession session;
    private final VaultKeeper store;

    SessionVault(VaultSession session, VaultKeeper store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public Vault vault() {
        return session.vault();
    }

    @Override
    public Vault change(Change change) throws VaultException, LocalStorageException {
        try {
            return session.change(change::apply);
        } catch (StorageException e) {
            throw new LocalStorageException(e.getMessage());
        }
    }

    @Override
    public Vault adopt(byte[] vaultKey, Change change) throws VaultException, LocalStorageException {
        try {
            return session.adopt(vaultKey, change::apply);
        } catch (StorageException e) {
            throw new LocalStorageException(e.getMessage());
        }
    }

    @Override
    public byte[] vaultKey() throws LocalStorageException {
        try {
            return store.exportVaultKey();
        } catch (StorageException e) {
            throw new LocalStorageException(e.getMessage());
        }
    }
}
