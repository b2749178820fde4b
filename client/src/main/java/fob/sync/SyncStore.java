package fob.sync;

import fob.local.StorageException;

/** Where the sync state is kept between page loads (IndexedDB, beside the vault), shared by this browser's tabs. */
public interface SyncStore {
    SyncState load() throws StorageException;

    void save(SyncState state) throws StorageException;
}
