package fob.server.store;

/**
 * How many bytes of backups one recovery account may keep (current and history: the oldest history goes
 * first to make room) and all accounts together (0: no total quota).
 */
public record BackupQuota(long accountMaxBytes, long storageMaxBytes) {
}
