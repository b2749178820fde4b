package fob.lock;

import fob.crypto.Aead;
import fob.crypto.DecryptionException;
import fob.text.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The app lock, as the vault record keeps it (docs/formats.md, "The app lock"): the device-wrapped vault key,
 * sealed once more under a random lock key, and the slots that wrap the lock key, one per password or passkey.
 * With a lock, the record holds no vault key that the device key alone opens. Immutable; every change makes a
 * new lock and needs the lock key, which only an unlocked page holds.
 */
public final class AppLock {
    public static final int VERSION = 1;
    public static final int MAX_PASSKEYS = 4;
    static final byte[] SEALED_KEY_DATA = "fob app lock vault key v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 32;

    private final byte[] nonce;
    private final byte[] sealedKey;
    private final List<LockSlot> slots;

    AppLock(byte[] nonce, byte[] sealedKey, List<LockSlot> slots) {
        this.nonce = nonce.clone();
        this.sealedKey = sealedKey.clone();
        this.slots = Collections.unmodifiableList(new ArrayList<>(slots));
    }

    /** A new random lock key: the key every slot wraps. */
    public static byte[] newLockKey(Aead crypto) {
        return crypto.random(KEY_LENGTH);
    }

    /** A lock over {@code deviceWrappedKey} (the vault key as the device key wraps it) with no slot yet. */
    public static AppLock over(Aead crypto, byte[] lockKey, byte[] deviceWrappedKey) {
        byte[] nonce = crypto.random(12);
        return new AppLock(nonce, crypto.seal(lockKey, nonce, SEALED_KEY_DATA, deviceWrappedKey),
                Collections.emptyList());
    }

    /** The same slots over another device-wrapped vault key (a restore replaced the vault key). */
    public AppLock resealed(Aead crypto, byte[] lockKey, byte[] deviceWrappedKey) {
        byte[] newNonce = crypto.random(12);
        return new AppLock(newNonce, crypto.seal(lockKey, newNonce, SEALED_KEY_DATA, deviceWrappedKey), slots);
    }

    /** The device-wrapped vault key; throws when {@code lockKey} is not this lock's. */
    public byte[] deviceWrappedKey(Aead crypto, byte[] lockKey) throws WrongSecretException {
        try {
            return crypto.open(lockKey, nonce, SEALED_KEY_DATA, sealedKey);
        } catch (DecryptionException e) {
            throw new WrongSecretException(Text.t("This key does not open Fob's lock"));
        }
    }

    /** With a password slot for {@code passwordKey} (Argon2id of the password), replacing any earlier password. */
    public AppLock withPassword(Aead crypto, byte[] lockKey, byte[] passwordKey, byte[] salt, int memoryKiB,
            int iterations, int parallelism) {
        byte[] slotNonce = crypto.random(12);
        List<LockSlot> next = new ArrayList<>();
        next.add(new PasswordLockSlot(salt, memoryKiB, iterations, parallelism, slotNonce,
                crypto.seal(passwordKey, slotNonce, PasswordLockSlot.ASSOCIATED_DATA, lockKey)));
        for (LockSlot slot : slots) {
            if (!(slot instanceof PasswordLockSlot)) {
                next.add(slot);
            }
        }
        return new AppLock(nonce, sealedKey, next);
    }

    /** With a slot for the passkey {@code credentialId}, whose PRF output is {@code prf}, replacing its earlier one. */
    public AppLock withPasskey(Aead crypto, byte[] lockKey, byte[] credentialId, byte[] prf)
            throws LockFormatException {
        List<LockSlot> next = new ArrayList<>();
        int passkeys = 1;
        for (LockSlot slot : slots) {
            if (slot instanceof PasskeyLockSlot && ((PasskeyLockSlot) slot).isFor(credentialId)) {
                continue;
            }
            passkeys += slot instanceof PasskeyLockSlot ? 1 : 0;
            next.add(slot);
        }
        if (passkeys > MAX_PASSKEYS) {
            throw new LockFormatException(Text.t("Fob's lock takes at most {0} passkeys", MAX_PASSKEYS));
        }
        byte[] slotNonce = crypto.random(12);
        next.add(new PasskeyLockSlot(credentialId, slotNonce, crypto.seal(passkeyKey(crypto, credentialId, prf),
                slotNonce, PasskeyLockSlot.ASSOCIATED_DATA, lockKey)));
        return new AppLock(nonce, sealedKey, next);
    }

    private static byte[] passkeyKey(Aead crypto, byte[] credentialId, byte[] prf) {
        return crypto.hkdf(prf, new byte[0], PasskeyLockSlot.hkdfInfo(credentialId), KEY_LENGTH);
    }

    /** The lock key, through the password slot; {@code passwordKey} is Argon2id of the password at its parameters. */
    public byte[] openWithPassword(Aead crypto, byte[] passwordKey) throws WrongSecretException {
        PasswordLockSlot slot = passwordSlot();
        if (slot == null) {
            throw new WrongSecretException(Text.t("Fob's lock has no password"));
        }
        try {
            return crypto.open(passwordKey, slot.nonce(), slot.associatedData(), slot.wrappedKey());
        } catch (DecryptionException e) {
            throw new WrongSecretException(Text.t("That is not the lock password"));
        }
    }

    /** The lock key, through the slot of the passkey {@code credentialId} and its PRF output. */
    public byte[] openWithPasskey(Aead crypto, byte[] credentialId, byte[] prf) throws WrongSecretException {
        for (PasskeyLockSlot slot : passkeySlots()) {
            if (slot.isFor(credentialId)) {
                try {
                    return crypto.open(passkeyKey(crypto, credentialId, prf), slot.nonce(), slot.associatedData(),
                            slot.wrappedKey());
                } catch (DecryptionException e) {
                    throw new WrongSecretException(Text.t("This passkey's answer does not open Fob's lock"));
                }
            }
        }
        throw new WrongSecretException(Text.t("This passkey does not unlock Fob on this device"));
    }

    public List<LockSlot> slots() {
        return slots;
    }

    /** The password slot, or null. */
    public PasswordLockSlot passwordSlot() {
        for (LockSlot slot : slots) {
            if (slot instanceof PasswordLockSlot) {
                return (PasswordLockSlot) slot;
            }
        }
        return null;
    }

    public List<PasskeyLockSlot> passkeySlots() {
        List<PasskeyLockSlot> passkeys = new ArrayList<>();
        for (LockSlot slot : slots) {
            if (slot instanceof PasskeyLockSlot) {
                passkeys.add((PasskeyLockSlot) slot);
            }
        }
        return passkeys;
    }

    /** The lock passkeys' credential ids, for a ceremony that may use any of them. */
    public List<byte[]> passkeyCredentialIds() {
        List<byte[]> ids = new ArrayList<>();
        for (PasskeyLockSlot slot : passkeySlots()) {
            ids.add(slot.credentialId());
        }
        return ids;
    }

    byte[] nonce() {
        return nonce.clone();
    }

    byte[] sealedKey() {
        return sealedKey.clone();
    }
}
