package fob.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fob.crypto.BouncyCastleAead;
import fob.crypto.BouncyCastleEcdh;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one check on a backup's key (docs/security.md, "Active server"), with the forger in the model: someone who
 * reads every header the server ever held and writes any envelope, but holds no passkey, no recovery code and no
 * vault key. Everything they can make is refused; every honest way in is taken.
 */
class VaultKeyCheckTest {
    private final BackupCodec codec = new BackupCodec(new BouncyCastleAead(), new BouncyCastleEcdh());
    private final byte[] credentialId = {5, 6, 7};
    private final byte[] prf = codec.newVaultKey();

    private Envelope envelope(byte[] key, List<Slot> slots, List<PreviousKey> chain) throws Exception {
        return codec.seal(key, new Header(codec.newLineage(), slots, chain), new byte[] {1});
    }

    private SealedPasskeySlot genuineSlot(byte[] key) throws Exception {
        return codec.sealedPasskeySlot(key, credentialId, prf);
    }

    @Test
    void aKeyTheForgerSealedToTheSlotsPublicKeyIsRefused() throws Exception {
        SealedPasskeySlot genuine = genuineSlot(codec.newVaultKey());
        byte[] forged = codec.newVaultKey();
        Envelope envelope = envelope(forged, List.of(codec.resealed(genuine, forged)), List.of());
        assertArrayEquals(forged, codec.vaultKeyFromPasskey(envelope, credentialId, prf),
                "the passkey opens the forged slot: the public key is all it takes");
        assertThrows(UntrustedBackupException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null));
        assertThrows(UntrustedBackupException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, codec.newVaultKey()),
                "nor does a held key that is not in its chain vouch for it");
    }

    @Test
    void aForgedChainToAKeyTheForgerMadeDoesNotReachTheAnchor() throws Exception {
        byte[] genuineKey = codec.newVaultKey();
        SealedPasskeySlot genuine = genuineSlot(genuineKey);
        byte[] forged = codec.newVaultKey();
        Envelope envelope = envelope(forged, List.of(codec.resealed(genuine, forged)),
                List.of(codec.previousKey(forged, codec.newVaultKey())));
        assertThrows(UntrustedBackupException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null));
    }

    @Test
    void anAnchorTheForgerWroteDoesNotOpenWithThePasskey() throws Exception {
        SealedPasskeySlot genuine = genuineSlot(codec.newVaultKey());
        byte[] forged = codec.newVaultKey();
        // An anchor on the forged key, sealed under a PRF the forger chose.
        SealedPasskeySlot anchoredByForger = codec.anchored(codec.resealed(genuine, forged), forged,
                codec.newVaultKey());
        Envelope envelope = envelope(forged, List.of(anchoredByForger), List.of());
        assertThrows(UntrustedBackupException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null));
    }

    @Test
    void aStrippedAnchorLeavesOnlyTheRecoveryCode() throws Exception {
        SealedPasskeySlot genuine = genuineSlot(codec.newVaultKey());
        byte[] forged = codec.newVaultKey();
        SealedPasskeySlot resealed = codec.resealed(genuine, forged);
        SealedPasskeySlot stripped = new SealedPasskeySlot(resealed.credentialId(), resealed.publicKey(),
                resealed.privateKeyNonce(), resealed.wrappedPrivateKey(), resealed.ephemeralKey(), resealed.nonce(),
                resealed.wrappedKey());
        Envelope envelope = envelope(forged, List.of(stripped), List.of());
        assertThrows(PasskeyCannotOpenException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null));
    }

    @Test
    void aSlotMadeWithThePasskeyIsTrustedOnItsOwn() throws Exception {
        byte[] key = codec.newVaultKey();
        Envelope envelope = envelope(key, List.of(genuineSlot(key)), List.of());
        assertArrayEquals(key, VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null));
    }

    @Test
    void aGenuineRotationLeadsFromTheNewKeyToTheAnchorThroughTheChain() throws Exception {
        byte[] first = codec.newVaultKey();
        SealedPasskeySlot slot = genuineSlot(first);
        byte[] second = codec.newVaultKey();
        byte[] third = codec.newVaultKey();
        // Two rotations by devices that did not have this passkey at hand: resealed, the anchor kept.
        Envelope envelope = envelope(third, List.of(codec.resealed(codec.resealed(slot, second), third)),
                List.of(codec.previousKey(third, second), codec.previousKey(second, first)));
        assertArrayEquals(third, VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null));
    }

    @Test
    void aKeyThatDescendsFromTheHeldKeyIsTrustedWithoutAnAnchor() throws Exception {
        byte[] held = codec.newVaultKey();
        byte[] next = codec.newVaultKey();
        SealedPasskeySlot old = codec.sealedPasskeySlotWithoutAnchor(held, credentialId, prf);
        Envelope envelope = envelope(next, List.of(codec.resealed(old, next)), List.of(codec.previousKey(next, held)));
        assertArrayEquals(next, VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, held));
        assertThrows(PasskeyCannotOpenException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null),
                "without the held key, a slot from before anchors needs the recovery code");
    }

    @Test
    void thePersonsRecoveryCodeVouchesForItsKey() throws Exception {
        byte[] key = codec.newVaultKey();
        byte[] code = codec.newRecoveryCode();
        Envelope envelope = envelope(key, List.of(codec.recoveryCodeSlot(key, code)), List.of());
        assertArrayEquals(key, VaultKeyCheck.throughRecoveryCode(codec, envelope, RecoveryCode.format(code)));
        assertThrows(BackupException.class, () -> VaultKeyCheck.throughRecoveryCode(codec, envelope,
                RecoveryCode.format(codec.newRecoveryCode())));
    }

    @Test
    void aPasskeyWithoutPrfOrWithoutASlotNeedsTheRecoveryCode() throws Exception {
        byte[] key = codec.newVaultKey();
        Envelope envelope = envelope(key, List.of(genuineSlot(key)), List.of());
        assertThrows(PasskeyCannotOpenException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, null, null));
        assertThrows(PasskeyCannotOpenException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, new byte[] {9}, prf, null));
        assertThrows(PasskeyCannotOpenException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, codec.newVaultKey(), null),
                "another passkey's PRF");
    }

    /**
     * A passkey that did not sign in through more rotations than the key chain keeps: its anchor is out of reach.
     * That is not proof of tampering, and the recovery code is asked for, not the words for a changed backup.
     */
    @Test
    void anAnchorOlderThanTheWholeKeyChainLeavesTheRecoveryCode() throws Exception {
        byte[] key = codec.newVaultKey();
        SealedPasskeySlot slot = genuineSlot(key);
        java.util.List<PreviousKey> chain = new java.util.ArrayList<>();
        for (int i = 0; i <= EnvelopeLimits.MAX_PREVIOUS_KEYS; i++) {
            byte[] next = codec.newVaultKey();
            chain.add(0, codec.previousKey(next, key));
            slot = codec.resealed(slot, next);
            key = next;
        }
        Envelope envelope = envelope(key, List.of(slot), chain);
        assertThrows(PasskeyCannotOpenException.class,
                () -> VaultKeyCheck.throughPasskey(codec, envelope, credentialId, prf, null));
    }

    /**
     * Someone a rotation shut out (a removed passkey, a signed-out device) still holds the key before it, K1, and the
     * other passkey's slot is still anchored on K1. Chaining a key of their own to K1 passes the anchor, as a new
     * machine would meet it (docs/security.md says so); but a browser that backs up and holds the current key K2
     * adopts only keys that descend from K2, and refuses it.
     */
    @Test
    void aBrowserHoldingTheCurrentKeyTakesOnlyKeysThatDescendFromIt() throws Exception {
        byte[] k1 = codec.newVaultKey();
        SealedPasskeySlot slot = genuineSlot(k1);
        byte[] k2 = codec.newVaultKey();
        Envelope rotated = envelope(k2, List.of(codec.resealed(slot, k2)), List.of(codec.previousKey(k2, k1)));
        byte[] k3 = codec.newVaultKey();
        Envelope next = envelope(k3, List.of(codec.resealed(slot, k3)), List.of(codec.previousKey(k3, k2),
                codec.previousKey(k2, k1)));
        assertArrayEquals(k3, VaultKeyCheck.descendingFromHeldKey(codec, next, credentialId, prf, k2),
                "a genuine rotation after K2 descends from it");

        byte[] forged = codec.newVaultKey();
        Envelope chainedToK1 = envelope(forged, List.of(codec.resealed(slot, forged)),
                List.of(codec.previousKey(forged, k1)));
        assertArrayEquals(forged, VaultKeyCheck.throughPasskey(codec, chainedToK1, credentialId, prf, null),
                "the residual: the anchor on K1 vouches for it on a new machine");
        assertThrows(UntrustedBackupException.class,
                () -> VaultKeyCheck.descendingFromHeldKey(codec, chainedToK1, credentialId, prf, k2),
                "but not where the current key is held");
        assertArrayEquals(k2, VaultKeyCheck.descendingFromHeldKey(codec, rotated, credentialId, prf, k2));
    }
}

