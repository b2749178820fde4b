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
import fob.vault.AccountKind;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupCodecTest {
    private final BackupCodec codec = new BackupCodec(new BouncyCastleAead(), new BouncyCastleEcdh());

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
    void theFixedVectorIsWhatTheReferenceImplementationMakes(int version) throws Exception {
        String committed = Files.readString(Path.of("src/test/resources/fob/backup/vector-" + version + ".json"))
                .strip();
        assertEquals(committed, BackupVector.json(version), "the envelope format changed: a new version, on purpose");
    }

    @Test
    void theVersion2VectorCarriesItsLineageInTheAuthenticatedHeader() throws Exception {
        JsonObject vector = Json.parseObject(Files.readString(Path.of("src/test/resources/fob/backup/vector-2.json")));
        Envelope envelope = Envelope.parse(vector.getString("envelope"));
        assertEquals("2", vector.getString("envelope").substring(7, 8), "written as version 2");
        assertEquals(vector.getString("lineage"), envelope.lineage());
        assertEquals(null, Envelope.parse(Json.parseObject(Files.readString(Path.of(
                "src/test/resources/fob/backup/vector-1.json"))).getString("envelope")).lineage());
        // Another lineage in the header, same ciphertext: it no longer opens.
        String otherHeader = new Header(Base64Url.encode(new byte[16]), envelope.slots()).write();
        JsonObject json = Json.parseObject(envelope.toJson());
        json.put("header", otherHeader);
        Envelope moved = Envelope.parse(com.grack.nanojson.JsonWriter.string(json));
        assertThrows(BackupException.class, () -> codec.open(moved, Base64Url.decode(vector.getString("vaultKey"))));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5})
    void theFixedVectorOpensWithEachOfItsWaysIn(int version) throws Exception {
        JsonObject vector = Json.parseObject(Files.readString(Path.of("src/test/resources/fob/backup/vector-"
                + version + ".json")));
        Envelope envelope = Envelope.parse(vector.getString("envelope"));
        byte[] viaPasskey = codec.vaultKeyFromPasskey(envelope, Base64Url.decode(vector.getString("credentialId")),
                Base64Url.decode(vector.getString("prfOutput")));
        byte[] viaCode = codec.vaultKeyFromRecoveryCode(envelope, vector.getString("recoveryCode").toLowerCase());
        assertArrayEquals(Base64Url.decode(vector.getString("vaultKey")), viaPasskey);
        assertArrayEquals(viaPasskey, viaCode);
        BackupPayload payload = BackupPayload.read(codec.open(envelope, viaCode));
        assertEquals(7, payload.revision());
        Vault vault = payload.vault();
        assertEquals(List.of("Deno", "WWE", "Contoso"), vault.accounts().stream().map(a -> a.issuer()).toList());
        assertTrue(vault.accounts().get(2).isPlaceholder(), "work or school accounts travel without their secret");
        assertEquals(AccountKind.WORK_OR_SCHOOL, vault.accounts().get(2).kind());
        assertEquals(10300, vault.accounts().get(1).otp().counter());
        assertEquals(1_699_999_999_999L, vault.tombstones().get("0009"));
    }

    /** Version 4 by other code than Fob's: the JDK's AES-GCM opens it, and the JDK's gzip expands what it holds. */
    @Test
    void theVersion4VectorHoldsTheGzipOfThePayload() throws Exception {
        JsonObject vector = Json.parseObject(Files.readString(Path.of("src/test/resources/fob/backup/vector-4.json")));
        Envelope envelope = Envelope.parse(vector.getString("envelope"));
        assertTrue(envelope.compressed());
        javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(
                Base64Url.decode(vector.getString("vaultKey")), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, envelope.nonce()));
        gcm.updateAAD(envelope.header().getBytes(StandardCharsets.US_ASCII));
        byte[] plaintext = gcm.doFinal(envelope.ciphertext());
        assertEquals(0x1f, plaintext[0] & 0xff, "gzip's magic number");
        assertEquals(0x8b, plaintext[1] & 0xff);
        String payload = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(plaintext))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(payload.startsWith("{\"format\":\"fob-backup\","), payload);
        assertTrue(payload.contains("\"issuer\":\"Deno\""), payload);
        assertTrue(plaintext.length < payload.length(), "compressed: " + plaintext.length + " of " + payload.length());
    }

    @Test
    void oldEnvelopesHoldThePayloadAsItIs() throws Exception {
        JsonObject vector = Json.parseObject(Files.readString(Path.of("src/test/resources/fob/backup/vector-3.json")));
        Envelope envelope = Envelope.parse(vector.getString("envelope"));
        assertFalse(envelope.compressed());
        String payload = new String(codec.open(envelope, Base64Url.decode(vector.getString("vaultKey"))),
                StandardCharsets.UTF_8);
        assertTrue(payload.startsWith("{\"format\":\"fob-backup\","), payload);
    }

    @Test
    void aPayloadThatExpandsPastTheLimitIsRefused() throws Exception {
        byte[] zeros = new byte[3 << 20];
        byte[] bomb = GzipCompression.INSTANCE.compress(zeros);
        assertTrue(bomb.length < 10_000, "a few kilobytes: " + bomb.length);
        BackupException refused = assertThrows(BackupException.class,
                () -> GzipCompression.INSTANCE.expand(bomb, 1 << 20));
        assertEquals("The backup's contents are larger than Fob reads (1 MB)", refused.getMessage());
        assertArrayEquals(zeros, GzipCompression.INSTANCE.expand(bomb, 3 << 20), "up to the limit, all of it");
        BackupException damaged = assertThrows(BackupException.class,
                () -> GzipCompression.INSTANCE.expand(java.util.Arrays.copyOf(bomb, bomb.length - 9), 3 << 20));
        assertEquals("The backup's contents are damaged: gzip", damaged.getMessage());
    }

    @Test
    void theWorkAccountsSecretIsNotInThePayloadAtAll() throws Exception {
        byte[] payload = new BackupPayload(1, 2, BackupVector.vault()).toBytes();
        String text = new String(payload, StandardCharsets.UTF_8);
        assertFalse(text.contains("JBSWY3DPEHPK3PXP"), text);
        assertTrue(text.contains("4SJHB4GSD43FZBAI7C2HLRJGPQ"), "standard accounts keep theirs");
    }

    @Test
    void aWrongCodeOrPasskeyOpensNothing() throws Exception {
        Envelope envelope = BackupVector.envelope();
        BackupException wrongCode = assertThrows(BackupException.class, () -> codec.vaultKeyFromRecoveryCode(envelope,
                RecoveryCode.format(new byte[20])));
        assertEquals("That recovery code does not open this backup", wrongCode.getMessage());
        assertThrows(BackupException.class, () -> codec.vaultKeyFromRecoveryCode(envelope, "too short"));
        BackupException noSlot = assertThrows(BackupException.class,
                () -> codec.vaultKeyFromPasskey(envelope, new byte[] {1, 2, 3}, BackupVector.PRF_OUTPUT));
        assertTrue(noSlot.getMessage().contains("use your recovery code"));
        assertThrows(BackupException.class, () -> codec.vaultKeyFromPasskey(envelope, BackupVector.CREDENTIAL_ID,
                new byte[32]));
        assertThrows(BackupException.class, () -> codec.open(envelope, new byte[32]));
    }

    @Test
    void aChangedHeaderFailsToOpen() throws Exception {
        Envelope original = BackupVector.envelope();
        // An attacker who swaps in a slot of their own (a recovery code they know) cannot reuse the ciphertext.
        byte[] attackerCode = new byte[20];
        String forgedHeader = Envelope.writeHeader(List.of(codec.recoveryCodeSlot(BackupVector.VAULT_KEY, attackerCode)));
        JsonObject json = Json.parseObject(original.toJson());
        json.put("header", forgedHeader);
        Envelope forged = Envelope.parse(com.grack.nanojson.JsonWriter.string(json));
        assertThrows(BackupException.class, () -> codec.open(forged, BackupVector.VAULT_KEY));
    }

    @Test
    void envelopesRoundTripThroughJson() throws Exception {
        byte[] key = codec.newVaultKey();
        byte[] code = codec.newRecoveryCode();
        Envelope envelope = codec.seal(key, List.of(codec.recoveryCodeSlot(key, code),
                codec.passwordSlot(key, new byte[32], 65536, 3, 1, new byte[16])), "hello".getBytes());
        Envelope back = Envelope.parse(envelope.toJson());
        assertEquals(envelope.header(), back.header());
        assertEquals(2, back.slots().size());
        assertEquals(65536, ((PasswordSlot) back.slots().get(1)).memoryKiB());
        assertArrayEquals("hello".getBytes(), codec.open(back, codec.vaultKeyFromRecoveryCode(back,
                RecoveryCode.format(code))));
        assertArrayEquals(key, codec.vaultKeyFromPassword((PasswordSlot) back.slots().get(1), new byte[32]));
    }

    @Test
    void damagedEnvelopesAreRefusedWithAReason() {
        for (String text : new String[] {"", "{}", "[]", "{\"fob\":2}", "{\"fob\":3}", "{\"fob\":1,\"header\":\"e30\",\"nonce\":\"AAAA\","
            + "\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA\"}", "{\"fob\":1,\"header\":\"!!\",\"nonce\":\"AAAAAAAAAAAAAAAA\","
            + "\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA\"}"}) {
            BackupException e = assertThrows(BackupException.class, () -> Envelope.parse(text), text);
            assertFalse(e.getMessage().isEmpty());
        }
    }

    /** docs/formats.md: a slot of a type this version does not know is kept, as it was, when the header is rewritten. */
    @Test
    void unknownSlotTypesAreKeptWhenTheHeaderIsWrittenAgain() throws Exception {
        String future = "{\"type\":\"hardware-key-v9\",\"handle\":\"abc\",\"nested\":{\"n\":1}}";
        String headerJson = "{\"lineage\":\"" + BackupVector.LINEAGE + "\",\"slots\":[" + future + ","
                + "{\"type\":\"recovery-code\",\"salt\":\"" + Base64Url.encode(new byte[16]) + "\",\"nonce\":\""
                + Base64Url.encode(new byte[12]) + "\",\"wrappedKey\":\"" + Base64Url.encode(new byte[48]) + "\"}]}";
        Header header = Header.parse(Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("hardware-key-v9", "recovery-code"), header.slots().stream().map(Slot::type).toList());
        Header rewritten = header.withSlots(List.of(header.slots().get(0),
                codec.recoveryCodeSlot(BackupVector.VAULT_KEY, BackupVector.RECOVERY_CODE)));
        String text = new String(Base64Url.decode(rewritten.write()), StandardCharsets.UTF_8);
        assertTrue(text.contains(future), text);
        assertTrue(text.startsWith("{\"lineage\":\"" + BackupVector.LINEAGE + "\""), text);
    }

    @Test
    void recoveryCodesAreEasyToCopyAndForgiving() throws Exception {
        byte[] code = BackupVector.RECOVERY_CODE;
        String printed = RecoveryCode.format(code);
        assertTrue(printed.matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}"), printed);
        assertArrayEquals(code, RecoveryCode.parse(printed));
        assertArrayEquals(code, RecoveryCode.parse(" " + printed.toLowerCase().replace("-", " ") + " "));
        assertArrayEquals(RecoveryCode.parse("0000-1111-0000-1111-0000-1111-0000-1111"),
                RecoveryCode.parse("oooo-iiii-OOOO-LLLL-0000-1111-0000-1111"));
        assertThrows(BackupException.class, () -> RecoveryCode.parse("UUUU-" + printed.substring(5)));
    }
}
