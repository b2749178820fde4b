package fob.lock;

import fob.codec.EncodingException;
import fob.codec.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Unlocked by one passkey's PRF output, evaluated on this device alone (no server): the key that wraps the lock
 * key is HKDF-SHA256 of that output, bound to the credential.
 */
public final class PasskeyLockSlot extends LockSlot {
    static final byte[] ASSOCIATED_DATA = "fob app lock passkey v1".getBytes(StandardCharsets.US_ASCII);
    /** SHA-256 of ASCII "fob app lock v1", written out: TeaVM's class library has no MessageDigest. */
    private static final String PRF_INPUT_HEX = "6ac940abfcea7c730c52b247038024a65260516aa512ebd4f1438611f7c79b70";

    private final byte[] credentialId;

    PasskeyLockSlot(byte[] credentialId, byte[] nonce, byte[] wrappedKey) {
        super(nonce, wrappedKey);
        this.credentialId = credentialId.clone();
    }

    /** The PRF input every lock passkey is asked for: SHA-256 of ASCII "fob app lock v1". */
    public static byte[] prfInput() {
        try {
            return Hex.decode(PRF_INPUT_HEX);
        } catch (EncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String type() {
        return "passkey";
    }

    @Override
    byte[] associatedData() {
        return ASSOCIATED_DATA.clone();
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    boolean isFor(byte[] otherCredentialId) {
        return Arrays.equals(credentialId, otherCredentialId);
    }

    /** HKDF info: the label, then the credential id, so that one PRF output wraps for its own credential only. */
    static byte[] hkdfInfo(byte[] credentialId) {
        byte[] info = Arrays.copyOf(ASSOCIATED_DATA, ASSOCIATED_DATA.length + credentialId.length);
        System.arraycopy(credentialId, 0, info, ASSOCIATED_DATA.length, credentialId.length);
        return info;
    }
}
