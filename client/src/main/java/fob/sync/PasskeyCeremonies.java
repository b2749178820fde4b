package fob.sync;

/**
 * The passkey ceremonies of the recovery account, each from the server's options to its verification: the page's
 * adapter runs them with WebAuthn, asking for the PRF extension, whose output opens backups ({@link PasskeyKey}).
 * What follows each one is decided by {@link RecoveryAccount}.
 */
public interface PasskeyCeremonies {
    /** A verified ceremony: the account the server signed in to, and the passkey's key. */
    final class Ceremony {
        public final BackupServer.Account account;
        public final PasskeyKey key;

        public Ceremony(BackupServer.Account account, PasskeyKey key) {
            this.account = account;
            this.key = key;
        }
    }

    /** Creates a recovery account named {@code name} with a new passkey, and signs in to it. */
    Ceremony createAccount(String name) throws ServerFailure, PasskeyFailure;

    /** Signs in with any of the person's passkeys for Fob. */
    Ceremony signIn() throws ServerFailure, PasskeyFailure;

    /**
     * Signs in again to the signed-in account: only its passkeys are offered. Fails as signed out when the session
     * has ended; the account it gives is the one the server verified, which the caller checks.
     */
    Ceremony reauthenticate() throws ServerFailure, PasskeyFailure;

    /** Adds a passkey to the signed-in account (which needs a recent sign-in); gives its key. */
    PasskeyKey addPasskey() throws ServerFailure, PasskeyFailure;
}
