package fob.server.store;

/**
 * A passkey of an account, as webauthn4j needs it to verify a sign-in: the attested credential data (the
 * credential id and public key), the signature counter and the flags. Nothing in it is secret.
 */
public record Passkey(byte[] credentialId, String accountId, byte[] attestedCredential, long signCount,
        boolean uvInitialized, boolean backupEligible, boolean backupState, String transports, long createdAt,
        Long lastUsedAt) {
}
