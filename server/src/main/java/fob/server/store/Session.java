package fob.server.store;

/** A signed-in browser. {@code authenticatedAt} is the last passkey verification, for recent-sign-in checks. */
public record Session(byte[] tokenHash, String accountId, long createdAt, long lastSeenAt, long authenticatedAt) {
}
