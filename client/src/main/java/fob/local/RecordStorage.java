package fob.local;

/**
 * Where the vault record and the device key live (IndexedDB in the page): every call is one transaction, so a
 * read never mixes a record of one write with a key of another, and a write is all or nothing.
 */
public interface RecordStorage {
    /** What one read transaction saw. */
    final class Snapshot {
        /** The record; null before the browser's first vault. */
        public final VaultRecord record;
        /** The device key; null before the first vault (or when it was lost). */
        public final DeviceKeys.Key deviceKey;
        /** This browser's preferences as JSON text (nothing secret), or null. */
        public final String preferences;

        public Snapshot(VaultRecord record, DeviceKeys.Key deviceKey, String preferences) {
            this.record = record;
            this.deviceKey = deviceKey;
            this.preferences = preferences;
        }
    }

    Snapshot read() throws StorageFailure;

    /**
     * Writes {@code record} only if the stored revision is still {@code expectedRevision} (0: no record), else
     * fails with {@link StorageFailure.Kind#CONFLICT} and writes nothing. {@code newDeviceKey} is given only with a
     * browser's first vault and is written only where no device key is stored yet (else CONFLICT): a device key
     * that wraps a stored vault key is never replaced.
     */
    void putVault(long expectedRevision, VaultRecord record, DeviceKeys.Key newDeviceKey) throws StorageFailure;

    /**
     * Replaces a record that cannot be opened, without losing it: only if the stored revision is still
     * {@code expectedRevision}, the record, its device key and the backup settings move to {@code asideKey}, and
     * {@code deviceKey} and {@code record} take their place.
     */
    void replaceUnreadable(long expectedRevision, String asideKey, VaultRecord record, DeviceKeys.Key deviceKey)
            throws StorageFailure;

    /** Deletes everything Fob keeps in this browser ("Reset Fob"). */
    void clear() throws StorageFailure;
}
