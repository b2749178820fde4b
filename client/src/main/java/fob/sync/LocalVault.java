package fob.sync;

import fob.local.StorageException;
import fob.vault.Vault;
import fob.vault.VaultException;

/** This browser's vault as the sync core sees it; the page's adapter keeps it encrypted in IndexedDB. */
public interface LocalVault {
    /** A change to the newest vault; it may refuse with a message. */
    interface Change {
        Vault apply(Vault current) throws VaultException;
    }

    Vault vault();

    /** Applies the change to the newest vault and stores it; returns what was stored. */
    Vault change(Change change) throws VaultException, StorageException;

    /** Makes {@code vaultKey} this vault's key and stores the change's result under it, in one write. */
    Vault adopt(byte[] vaultKey, Change change) throws VaultException, StorageException;

    /** The vault key's bytes, for the backup's slots and payload. */
    byte[] vaultKey() throws StorageException;
}
