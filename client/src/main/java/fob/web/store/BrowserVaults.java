package fob.web.store;

import fob.local.StorageException;
import fob.local.VaultKeeper;
import fob.web.backup.WebCryptoBackend;

/** Wires this page's {@link VaultKeeper} to IndexedDB and WebCrypto. */
public final class BrowserVaults {
    private BrowserVaults() {
    }

    public static VaultKeeper open() throws StorageException {
        return new VaultKeeper(IndexedDbRecords.open(), new WebCryptoKeys(), new WebCryptoBackend(),
                System::currentTimeMillis);
    }
}
