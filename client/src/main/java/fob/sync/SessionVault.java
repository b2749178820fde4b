package fob.sync;

import fob.local.StorageException;
import fob.local.VaultKeeper;
import fob.local.VaultSession;
import fob.vault.Vault;
import fob.vault.VaultException;

/** The sync core's vault: this page's {@link VaultSession}, and the vault key its {@link VaultKeeper} holds. */
public final class SessionVault implements LocalVault {
    private final VaultSession session;
    private final VaultKeeper keeper;

    public SessionVault(VaultSession session, VaultKeeper keeper) {
        this.session = session;
        this.keeper = keeper;
    }

    @Override
    public Vault vault() {
        return session.vault();
    }

    @Override
    public Vault change(Change change) throws VaultException, StorageException {
        return session.change(change::apply);
    }

    @Override
    public Vault adopt(byte[] vaultKey, Change change) throws VaultException, StorageException {
        return session.adopt(vaultKey, change::apply);
    }

    @Override
    public byte[] vaultKey() throws StorageException {
        return keeper.exportVaultKey();
    }
}
