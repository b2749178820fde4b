package fob.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The accounts' passkeys, for the WebAuthn ceremonies and the passkeys list: what a sign-in verifies against,
 * its counter, and adding and removing one.
 */
public interface Passkeys {
    Optional<Passkey> findPasskey(byte[] credentialId);

    /** The account's passkeys, oldest first. */
    List<Passkey> passkeys(String accountId);

    void addPasskey(Passkey passkey);

    /**
     * Records a verified sign-in, its new counter and backup state, if the counter is still
     * {@code expectedSignCount} (compare-and-set); returns whether it was.
     */
    boolean recordPasskeyUse(byte[] credentialId, long expectedSignCount, long signCount, boolean backupState,
            long now);

    /**
     * Removes the passkey unless it is the account's last one, and in the same transaction every session it
     * signed in; returns whether it was removed.
     */
    boolean removePasskey(String accountId, byte[] credentialId);
}
