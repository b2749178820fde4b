package fob.server.store;

/**
 * How many bytes of backups one recovery account may keep (current and history: the oldest history goes
 * first to make room) and all accounts together ({@link #UNLIMITED}: no total quota).
 */
public record BackupQuota(long accountMaxBytes, long storageMaxBytes) {
    /** No total quota: only when the operator says {@code FOB_STORAGE_MAX_BYTES=unlimited}. */
    public static final long UNLIMITED = Long.MAX_VALUE;
}
