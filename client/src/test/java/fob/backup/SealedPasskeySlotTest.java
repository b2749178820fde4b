package fob.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonObject;
import fob.codec.Base64Url;
import fob.crypto.BouncyCastleAead;
import fob.crypto.BouncyCastleEcdh;
import fob.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Sealed passkey slots (docs/formats.md): a new vault key can be sealed to a passkey that is not at hand, and only
 * that passkey's PRF opens it. The version-3 vector is opened here a second way, with the JDK's own ECDH and
 * AES-GCM, so that the reference implementation is not checked against itself alone.
 */
class SealedPasskeySlotTest {
    private final BackupCodec codec = new BackupCodec(new BouncyCastleAead(), new BouncyCastleEcdh());

    private static JsonObject vector() throws Exception {
        return Json.parseObject(Files.readString(Path.of("src/test/resources/fob/backup/vector-3.json")));
    }

    private static SealedPasskeySlot sealedSlot(Envelope envelope) {
        return (SealedPasskeySlot) envelope.slots().stream().filter(s -> s instanceof SealedPasskeySlot).findFirst()
                .orElseThrow();
    }

    @Test
    void theVersion3VectorsSealedSlotOpensWithTheJdksEcdhAndAesGcm() throws Exception {
        JsonObject vector = vector();
        SealedPasskeySlot slot = sealedSlot(Envelope.parse(vector.getString("envelope")));
        byte[] credentialId = Base64Url.decode(vector.getString("credentialId"));
        byte[] prf = Base64Url.decode(vector.getString("prfOutput"));
        BouncyCastleAead hkdf = new BouncyCastleAead();

        byte[] wrapping = hkdf.hkdf(prf, new byte[0], concat("fob passkey key pair v3", credentialId), 32);
        byte[] privateKey = jdkOpen(wrapping, slot.privateKeyNonce(), slot.publicKey(), slot.wrappedPrivateKey());
        assertArrayEquals(Base64Url.decode(vector.getString("slotPrivateKey")), privateKey);

        ECParameterSpec p256 = p256();
        KeyFactory keys = KeyFactory.getInstance("EC");
        PrivateKey slotKey = keys.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, privateKey), p256));
        byte[] e = slot.ephemeralKey();
        PublicKey ephemeral = keys.generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1,
                Arrays.copyOfRange(e, 1, 33)), new BigInteger(1, Arrays.copyOfRange(e, 33, 65))), p256));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(slotKey);
        agreement.doPhase(ephemeral, true);
        byte[] shared = agreement.generateSecret();

        byte[] salt = new byte[130];
        System.arraycopy(e, 0, salt, 0, 65);
        System.arraycopy(slot.publicKey(), 0, salt, 65, 65);
        byte[] slotKeyBytes = hkdf.hkdf(shared, salt, concat("fob passkey sealed slot v3", credentialId), 32);
        byte[] vaultKey = jdkOpen(slotKeyBytes, slot.nonce(), new byte[0], slot.wrappedKey());
        assertArrayEquals(Base64Url.decode(vector.getString("vaultKey")), vaultKey);
        // And the ephemeral key is the one the vector names, so a reimplementation can check its sealing too.
        assertArrayEquals(BouncyCastleEcdh.keyPair(Base64Url.decode(vector.getString("ephemeralPrivateKey")))
                .publicKey(), e);
    }

    @Test
    void theVersion3VectorsKeyChainOpensWithTheJdksAesGcmToThePreviousKey() throws Exception {
        JsonObject vector = vector();
        Envelope envelope = Envelope.parse(vector.getString("envelope"));
        assertEquals(1, envelope.parsedHeader().previousKeys().size());
        PreviousKey link = envelope.parsedHeader().previousKeys().get(0);
        byte[] vaultKey = Base64Url.decode(vector.getString("vaultKey"));
        byte[] previous = Base64Url.decode(vector.getString("previousVaultKey"));
        assertArrayEquals(previous, jdkOpen(vaultKey, link.nonce(), "fob previous key v3".getBytes(
                StandardCharsets.US_ASCII), link.wrappedKey()));
        assertTrue(codec.descendsFrom(envelope.parsedHeader(), vaultKey, previous));
        assertFalse(codec.descendsFrom(envelope.parsedHeader(), vaultKey, codec.newVaultKey()), "another held key");
        assertFalse(codec.descendsFrom(envelope.parsedHeader(), codec.newVaultKey(), previous),
                "a key that did not seal the chain");
    }

    /**
     * Version 5's anchor, opened a second way: HKDF of the PRF output (info "fob passkey anchor v5" and the credential
     * id) and the JDK's AES-GCM with the slot's public key as associated data give the vector's anchored key.
     */
    @Test
    void theVersion5VectorsAnchorOpensWithTheJdksAesGcmToTheAnchoredKey() throws Exception {
        JsonObject vector = Json.parseObject(Files.readString(Path.of("src/test/resources/fob/backup/vector-5.json")));
        SealedPasskeySlot slot = sealedSlot(Envelope.parse(vector.getString("envelope")));
        byte[] credentialId = Base64Url.decode(vector.getString("credentialId"));
        byte[] prf = Base64Url.decode(vector.getString("prfOutput"));
        byte[] anchorKey = new BouncyCastleAead().hkdf(prf, new byte[0], concat("fob passkey anchor v5",
                credentialId), 32);
        assertArrayEquals(Base64Url.decode(vector.getString("anchoredKey")), jdkOpen(anchorKey, slot.anchorNonce(),
                slot.publicKey(), slot.anchor()));
        assertEquals(EnvelopeLimits.ANCHOR_BYTES, slot.anchor().length);
    }

    /**
     * A server that seals a key of its own to a passkey slot's public key makes a backup that the passkey opens, but
     * its key chain cannot lead to a key the server never held.
     */
    @Test
    void aKeySealedToTheSlotByAnyoneElseDoesNotDescendFromTheHeldKey() throws Exception {
        byte[] credentialId = {5, 6, 7};
        byte[] prf = codec.newVaultKey();
        byte[] heldKey = codec.newVaultKey();
        SealedPasskeySlot slot = codec.sealedPasskeySlot(heldKey, credentialId, prf);
        byte[] forgedKey = codec.newVaultKey();
        Header forged = new Header(null, List.of(codec.resealed(slot, forgedKey)),
                List.of(codec.previousKey(forgedKey, codec.newVaultKey())));
        Envelope envelope = codec.seal(forgedKey, forged, new byte[] {1});
        assertArrayEquals(forgedKey, codec.vaultKeyFromPasskey(envelope, credentialId, prf), "the passkey opens it");
        assertFalse(codec.descendsFrom(envelope.parsedHeader(), forgedKey, heldKey), "but it is not adopted");
    }

    private static byte[] concat(String ascii, byte[] bytes) {
        byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] both = Arrays.copyOf(text, text.length + bytes.length);
        System.arraycopy(bytes, 0, both, text.length, bytes.length);
        return both;
    }

    private static ECParameterSpec p256() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] jdkOpen(byte[] key, byte[] nonce, byte[] associatedData, byte[] sealed) throws Exception {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(associatedData);
        return gcm.doFinal(sealed);
    }

    @Test
    void aNewVaultKeySealedWithoutThePasskeyOpensWithItsPrfOnly() throws Exception {
        byte[] credentialId = {1, 2, 3, 4};
        byte[] prf = codec.newVaultKey();
        byte[] oldKey = codec.newVaultKey();
        SealedPasskeySlot slot = codec.sealedPasskeySlot(oldKey, credentialId, prf);
        byte[] newKey = codec.newVaultKey();
        SealedPasskeySlot resealed = codec.resealed(slot, newKey);
        assertArrayEquals(slot.publicKey(), resealed.publicKey(), "the same passkey's key pair");
        assertFalse(Arrays.equals(slot.ephemeralKey(), resealed.ephemeralKey()), "a fresh ephemeral key");

        Envelope envelope = codec.seal(newKey, new Header(Header.newLineage(new BouncyCastleAead()),
                List.of(resealed)), "accounts".getBytes(StandardCharsets.UTF_8));
        Envelope read = Envelope.parse(envelope.toJson());
        assertTrue(envelope.toJson().startsWith("{\"fob\":5,"), "written as version 5");
        assertArrayEquals(newKey, codec.vaultKeyFromPasskey(read, credentialId, prf));
        BackupException wrongPrf = assertThrows(BackupException.class,
                () -> codec.vaultKeyFromPasskey(read, credentialId, codec.newVaultKey()));
        assertTrue(wrongPrf.getMessage().contains("use your recovery code"), wrongPrf.getMessage());
    }

    @Test
    void aSwappedPublicKeyOrEphemeralKeyOpensNothing() throws Exception {
        byte[] credentialId = {9, 9};
        byte[] prf = codec.newVaultKey();
        byte[] vaultKey = codec.newVaultKey();
        SealedPasskeySlot slot = codec.sealedPasskeySlot(vaultKey, credentialId, prf);
        byte[] otherPoint = new BouncyCastleEcdh().newKeyPair().publicKey();
        SealedPasskeySlot swappedPublic = new SealedPasskeySlot(credentialId, otherPoint, slot.privateKeyNonce(),
                slot.wrappedPrivateKey(), slot.ephemeralKey(), slot.nonce(), slot.wrappedKey());
        SealedPasskeySlot swappedEphemeral = new SealedPasskeySlot(credentialId, slot.publicKey(),
                slot.privateKeyNonce(), slot.wrappedPrivateKey(), otherPoint, slot.nonce(), slot.wrappedKey());
        for (SealedPasskeySlot bad : List.of(swappedPublic, swappedEphemeral)) {
            Envelope envelope = codec.seal(vaultKey, List.of(bad), new byte[] {1});
            assertThrows(BackupException.class, () -> codec.vaultKeyFromPasskey(envelope, credentialId, prf));
        }
    }

    @Test
    void aSlotWhoseEphemeralKeyIsOffTheCurveIsRefused() throws Exception {
        byte[] credentialId = {9, 9};
        byte[] prf = codec.newVaultKey();
        byte[] vaultKey = codec.newVaultKey();
        SealedPasskeySlot slot = codec.sealedPasskeySlot(vaultKey, credentialId, prf);
        byte[] notOnCurve = new byte[65];
        notOnCurve[0] = 4;
        notOnCurve[64] = 1;
        SealedPasskeySlot bad = new SealedPasskeySlot(credentialId, slot.publicKey(), slot.privateKeyNonce(),
                slot.wrappedPrivateKey(), notOnCurve, slot.nonce(), slot.wrappedKey());
        Envelope envelope = codec.seal(vaultKey, List.of(bad), new byte[] {1});
        BackupException refused = assertThrows(BackupException.class,
                () -> codec.vaultKeyFromPasskey(envelope, credentialId, prf));
        assertEquals("A passkey slot's key is not a P-256 point", refused.getMessage());
    }

    @Test
    void aSealedSlotInAVersion2EnvelopeIsRefused() throws Exception {
        String version3 = vector().getString("envelope");
        BackupException refused = assertThrows(BackupException.class,
                () -> Envelope.parse(version3.replace("{\"fob\":3,", "{\"fob\":2,")));
        assertTrue(refused.getMessage().contains("no sealed passkey slots"), refused.getMessage());
    }
}
