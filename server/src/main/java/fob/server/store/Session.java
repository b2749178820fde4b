package fob.server.store;

/**
 * A signed-in browser. {@code id} is public (the sessions list names it); the token's hash never leaves the
 * server. {@code credentialId} is the passkey that signed in (null for sessions older than that record);
 * {@code authenticatedAt} is the last passkey verification, for recent-sign-in checks.
 */
public record Session(String id, byte[] tokenHash, String accountId, byte[] credentialId, String device,
        long createdAt, long lastSeenAt, long authenticatedAt) {
}
