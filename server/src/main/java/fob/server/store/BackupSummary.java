package fob.server.store;

/** What the list of backup versions shows of each: its number, size and time. */
public record BackupSummary(long version, int size, long createdAt) {
}
