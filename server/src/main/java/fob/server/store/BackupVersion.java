package fob.server.store;

/** One stored version of an account's backup: the envelope exactly as the client sent it. */
public record BackupVersion(long version, byte[] body, long createdAt) {
}
