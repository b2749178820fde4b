package fob.server.store;

/**
 * A WebAuthn challenge handed out with ceremony options: single use, expiring, and bound to what it was for
 * (and, for registration, to the user handle and name the new account will get; for adding a passkey or a
 * re-authentication, a sign-in that must stay on the signed-in account, to that {@code accountId}) and to the
 * browser that asked for it ({@code binding}: the SHA-256 of that browser's ceremony cookie).
 */
public record Challenge(byte[] value, Purpose purpose, String accountId, byte[] userHandle, String name,
        byte[] binding, long expiresAt) {
    /** What the ceremony that the challenge belongs to does. */
    public enum Purpose { REGISTER, SIGN_IN, ADD_PASSKEY }
}
