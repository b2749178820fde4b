package fob.server.store;

/** What the backups take, for the storage limit worked out at start. */
public interface StorageUsage {
    /** The bytes of every backup version of every account together. */
    long storedBackupBytes();
}
