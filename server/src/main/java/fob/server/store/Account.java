package fob.server.store;

/** A recovery account: a name the user chose and the WebAuthn user handle its passkeys belong to. */
public record Account(String id, String name, byte[] userHandle, long createdAt) {
}
