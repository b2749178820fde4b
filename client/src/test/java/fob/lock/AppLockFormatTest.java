package fob.lock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonObject;
import fob.codec.Base64Url;
import fob.crypto.BouncyCastleAead;
import fob.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class AppLockFormatTest {
    private static final Path VECTOR = Path.of("src/test/resources/fob/lock/lock-vector-1.json");
    private final BouncyCastleAead crypto = new BouncyCastleAead();

    private static JsonObject vector() throws Exception {
        return Json.parseObject(Files.readString(VECTOR));
    }

    private static byte[] field(JsonObject json, String key) throws Exception {
        return Base64Url.decode(json.getString(key));
    }

    @Test
    void theFixedVectorIsWhatTheReferenceImplementationMakes() throws Exception {
        assertEquals(Files.readString(VECTOR).strip(), LockVector.json(),
                "the app lock format changed: a new version, on purpose");
    }

    /** Opened with BouncyCastle's Argon2id and the JDK's AES-GCM, not Fob's code: the format is what docs say. */
    @Test
    void theVectorOpensWithIndependentImplementationsAsDocumented() throws Exception {
        JsonObject vector = vector();
        JsonObject lock = Json.parseObject(vector.getString("lock"));
        JsonObject slot = lock.getArray("slots").getObject(0);
        assertEquals("password", slot.getString("type"));
        Argon2BytesGenerator argon = new Argon2BytesGenerator();
        argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(field(slot, "salt")).withMemoryAsKB(65536).withIterations(3).withParallelism(1).build());
        byte[] passwordKey = new byte[32];
        argon.generateBytes(vector.getString("password").getBytes(StandardCharsets.UTF_8), passwordKey);
        byte[] lockKey = jdkOpen(passwordKey, field(slot, "nonce"), "fob app lock password v1", field(slot, "wrappedKey"));
        assertArrayEquals(field(vector, "lockKey"), lockKey);
        assertArrayEquals(field(vector, "deviceWrappedKey"),
                jdkOpen(lockKey, field(lock, "nonce"), "fob app lock vault key v1", field(lock, "sealedKey")));
    }

    private static byte[] jdkOpen(byte[] key, byte[] nonce, String associatedData, byte[] sealed) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.US_ASCII));
        return cipher.doFinal(sealed);
    }

    @Test
    void thePrfInputIsTheSha256OfTheDocumentedLabel() throws Exception {
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest("fob app lock v1".getBytes(StandardCharsets.US_ASCII)),
                PasskeyLockSlot.prfInput());
    }

    @Test
    void eachSlotOfTheVectorGivesTheLockKeyAndAWrongSecretIsRefused() throws Exception {
        JsonObject vector = vector();
        AppLock lock = AppLockJson.read(vector.getString("lock"));
        byte[] lockKey = field(vector, "lockKey");
        byte[] prf = field(vector, "prfOutput");
        byte[] credentialId = field(vector, "credentialId");
        assertArrayEquals(lockKey, lock.openWithPasskey(crypto, credentialId, prf));
        byte[] wrongPrf = prf.clone();
        wrongPrf[0] ^= 1;
        assertEquals("This passkey's answer does not open Fob's lock", assertThrows(WrongSecretException.class,
                () -> lock.openWithPasskey(crypto, credentialId, wrongPrf)).getMessage());
        assertEquals("This passkey does not unlock Fob on this device", assertThrows(WrongSecretException.class,
                () -> lock.openWithPasskey(crypto, new byte[16], prf)).getMessage());
        assertEquals("That is not the lock password", assertThrows(WrongSecretException.class,
                () -> lock.openWithPassword(crypto, new byte[32])).getMessage());
        assertArrayEquals(field(vector, "deviceWrappedKey"), lock.deviceWrappedKey(crypto, lockKey));
        assertThrows(WrongSecretException.class, () -> lock.deviceWrappedKey(crypto, new byte[32]));
    }

    @Test
    void resealingKeepsEverySlotAndOpensToTheNewKey() throws Exception {
        JsonObject vector = vector();
        AppLock lock = AppLockJson.read(vector.getString("lock"));
        byte[] lockKey = field(vector, "lockKey");
        byte[] newWrapped = LockVector.range(7, 48);
        AppLock resealed = lock.resealed(crypto, lockKey, newWrapped);
        assertArrayEquals(newWrapped, resealed.deviceWrappedKey(crypto, lockKey));
        assertArrayEquals(lockKey, resealed.openWithPasskey(crypto, field(vector, "credentialId"),
                field(vector, "prfOutput")));
        assertEquals(2, AppLockJson.read(AppLockJson.write(resealed)).slots().size());
    }

    @Test
    void aPasskeyIsReplacedByItsOwnNewSlotAndAtMostFourAreKept() throws Exception {
        byte[] lockKey = AppLock.newLockKey(crypto);
        AppLock lock = AppLock.over(crypto, lockKey, LockVector.DEVICE_WRAPPED_KEY);
        for (int i = 0; i < AppLock.MAX_PASSKEYS; i++) {
            lock = lock.withPasskey(crypto, lockKey, new byte[] {(byte) i}, LockVector.PRF_OUTPUT);
        }
        lock = lock.withPasskey(crypto, lockKey, new byte[] {0}, LockVector.range(1, 32));
        assertEquals(AppLock.MAX_PASSKEYS, lock.passkeySlots().size());
        assertArrayEquals(lockKey, lock.openWithPasskey(crypto, new byte[] {0}, LockVector.range(1, 32)));
        AppLock full = lock;
        assertEquals("Fob's lock takes at most 4 passkeys", assertThrows(LockFormatException.class,
                () -> full.withPasskey(crypto, lockKey, new byte[] {9}, LockVector.PRF_OUTPUT)).getMessage());
    }

    @Test
    void aLockThatCannotBeReadSaysWhy() throws Exception {
        String good = vector().getString("lock");
        String nonce = "\"nonce\":\"" + Json.parseObject(good).getString("nonce") + "\"";
        assertRefused(good.replace("\"version\":1", "\"version\":2"), "This lock was made by a newer Fob (lock version 2)");
        assertRefused("{\"version\":1,\"nonce\":\"AAAAAAAAAAAAAAAA\",\"sealedKey\":\"x\",\"slots\":[]}",
                "A lock has 1 to 5 slots, not 0");
        assertRefused(good.replace("\"type\":\"passkey\"", "\"type\":\"pin\""), "Unknown kind of lock slot: 'pin'");
        assertRefused(good.replace("\"memoryKiB\":65536", "\"memoryKiB\":4"),
                "Fob's lock cannot be read: 'memoryKiB' must be from 8192 to 1048576");
        assertRefused(good.replace(nonce, "\"nonce\":\"ZXB7\""),
                "Fob's lock cannot be read: 'nonce' has 3 bytes");
        assertRefused(good.replace(nonce, "\"nonce\":\"ZX*7hpGcp7K9yNPe\""),
                "Fob's lock cannot be read: 'nonce' is not base64url");
        assertRefused("[]", "Fob's lock cannot be read: it is not valid JSON");
        JsonObject twoPasswords = Json.parseObject(good);
        twoPasswords.getArray("slots").add(twoPasswords.getArray("slots").getObject(0));
        assertRefused(com.grack.nanojson.JsonWriter.string(twoPasswords), "A lock has at most one password");
    }

    private static void assertRefused(String json, String message) {
        LockFormatException e = assertThrows(LockFormatException.class, () -> AppLockJson.read(json));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
