package fob.sync;

/** What a passkey ceremony gave: the credential and, when the passkey has PRF, its output (the key's secret). */
public final class PasskeyKey {
    public final byte[] credentialId;
    /** Null for a passkey without PRF: it signs in, but opens no backup by itself. */
    public final byte[] prf;

    public PasskeyKey(byte[] credentialId, byte[] prf) {
        this.credentialId = credentialId;
        this.prf = prf;
    }
}
