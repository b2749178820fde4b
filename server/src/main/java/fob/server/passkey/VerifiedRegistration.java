package fob.server.passkey;

/** What a verified registration gives: the credential to store, with its counter and flags. */
public record VerifiedRegistration(byte[] credentialId, byte[] attestedCredential, long signCount,
        boolean uvInitialized, boolean backupEligible, boolean backupState, String transports) {
}
