package fob.sync;

/**
 * The recovery account's requests to Fob's server that {@link RecoveryAccount} makes (docs/api.md). Those that
 * revoke something or delete the account need a passkey sign-in within the last 5 minutes: without one they fail
 * with {@link ServerFailure#needsRecentSignIn}.
 */
public interface AccountServer {
    /** Ends this browser's session. */
    void signOut() throws ServerFailure;

    /** Deletes the signed-in recovery account with everything the server keeps of it. */
    void deleteAccount() throws ServerFailure;

    /** Removes a passkey (its id as the server names it); the server ends every session it signed in. */
    void removePasskey(String id) throws ServerFailure;

    /** Signs the device with session {@code id} out (this one too, when it is this one's). */
    void endSession(String id) throws ServerFailure;

    /** Signs out every other device; returns how many were signed in. */
    int endOtherSessions() throws ServerFailure;
}
