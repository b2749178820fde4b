package fob.server.passkey;

/** What a verified sign-in gives: the authenticator's new counter and backup state, to store. */
public record VerifiedSignIn(long signCount, boolean backupState) {
}
