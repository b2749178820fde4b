package fob.sync;

/** Where the sync state is kept between page loads (IndexedDB, beside the vault), shared by this browser's tabs. */
public interface SyncStore {
    SyncState load() throws LocalStorageException;

    void save(SyncState state) throws LocalStorageException;
}
