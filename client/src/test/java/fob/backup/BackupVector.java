package fob.backup;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base64Url;
import fob.crypto.FixedAead;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Settings;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The fixed test vectors in src/test/resources/fob/backup/vector-N.json: envelopes of format version N made with
 * fixed keys and nonces (version 2 adds the lineage to the header; version 3 has a sealed passkey slot, made with
 * the fixed P-256 keys of {@link FixedEcdh}, and a key chain of one rotation; version 4 compresses the payload;
 * version 5 anchors the sealed slot on the vault key, {@code anchoredKey} in the vector). Versions 4's and 5's gzip is
 * as this JDK's zlib wrote it, so those vectors are only read, never made anew to compare. BackupCodecTest pins them on the JVM; the
 * end-to-end tests restore vector 1 in the browser (WebCrypto) with its recovery code. To write one anew after a
 * deliberate format change: run this class's main with the version and the file.
 */
final class BackupVector {
    static final byte[] VAULT_KEY = range(0, 32);
    static final byte[] RECOVERY_CODE = range(100, 20);
    static final byte[] CREDENTIAL_ID = range(200, 16);
    static final byte[] PRF_OUTPUT = range(50, 32);
    static final String LINEAGE = Base64Url.encode(range(150, 16));
    /** The vault key before the one rotation of version 3's vector: its key chain's one link. */
    static final byte[] PREVIOUS_VAULT_KEY = range(80, 32);

    private BackupVector() {
    }

    static byte[] range(int start, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }

    static Vault vault() throws Exception {
        Account deno = Account.fromLink("0001", OtpAuthLink.parse(
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"), AccountKind.STANDARD,
                1_700_000_000_000L);
        Account wwe = Account.fromLink("0002", OtpAuthLink.parse("otpauth://hotp/WWE:Mason?secret="
                + "5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512&digits=8&counter=10300"),
                AccountKind.STANDARD, 1_700_000_000_001L);
        Account contoso = Account.fromLink("0003", OtpAuthLink.parse(
                "otpauth://totp/Contoso:ann@contoso.com?secret=JBSWY3DPEHPK3PXP&issuer=Contoso"),
                AccountKind.WORK_OR_SCHOOL, 1_700_000_000_002L);
        return new Vault(List.of(deno, wwe, contoso), Settings.DEFAULTS, Map.of("0009", 1_699_999_999_999L));
    }

    /** The version-1 envelope as the reference implementation made it from the fixed inputs. */
    static Envelope envelope() throws Exception {
        return envelope(1);
    }

    /** The envelope of format {@code version} as the reference implementation makes it from the fixed inputs. */
    static Envelope envelope(int version) throws Exception {
        BackupCodec codec = new BackupCodec(new FixedAead(), new FixedEcdh());
        Slot passkey = version >= 5 ? codec.sealedPasskeySlot(VAULT_KEY, CREDENTIAL_ID, PRF_OUTPUT)
                : version >= 3 ? codec.sealedPasskeySlotWithoutAnchor(VAULT_KEY, CREDENTIAL_ID, PRF_OUTPUT)
                : codec.passkeySlot(VAULT_KEY, CREDENTIAL_ID, PRF_OUTPUT);
        List<Slot> slots = List.of(passkey, codec.recoveryCodeSlot(VAULT_KEY, RECOVERY_CODE));
        // These envelopes hold payloads of version 2 (version 3 added groups, pinned by payload-3.json).
        byte[] payload = new String(new BackupPayload(7, 1_700_000_100_000L, vault()).toBytes(),
                StandardCharsets.UTF_8).replace("\"version\":" + BackupPayload.VERSION, "\"version\":2")
                .replace(",\"groups\":[]", "").getBytes(StandardCharsets.UTF_8);
        if (version == 1) {
            // Payload version 1 had no order time.
            payload = new String(payload, StandardCharsets.UTF_8).replace("\"version\":2",
                    "\"version\":1").replace(",\"orderedAt\":0", "").getBytes(StandardCharsets.UTF_8);
            // Version 1 is version 2 without a lineage; only the number differs outside the header.
            String sealed = codec.sealUncompressed(VAULT_KEY, new Header(null, slots), payload).toJson();
            return Envelope.parse(sealed.replace("{\"fob\":" + Envelope.VERSION + ",", "{\"fob\":1,"));
        }
        List<PreviousKey> chain = version >= 3 ? List.of(codec.previousKey(VAULT_KEY, PREVIOUS_VAULT_KEY)) : List.of();
        Header header = new Header(LINEAGE, slots, chain);
        if (version >= 4) {
            Envelope sealed = codec.seal(VAULT_KEY, header, payload);
            return Envelope.parse(sealed.toJson().replace("{\"fob\":" + Envelope.VERSION + ",", "{\"fob\":" + version
                    + ","));
        }
        // Before version 4 the payload went into the envelope as it was.
        Envelope sealed = codec.sealUncompressed(VAULT_KEY, header, payload);
        return Envelope.parse(sealed.toJson().replace("{\"fob\":" + Envelope.VERSION + ",", "{\"fob\":" + version
                + ","));
    }

    static String json() throws Exception {
        return json(1);
    }

    static String json(int version) throws Exception {
        JsonObject vector = new JsonObject();
        vector.put("vaultKey", Base64Url.encode(VAULT_KEY));
        vector.put("recoveryCode", RecoveryCode.format(RECOVERY_CODE));
        vector.put("credentialId", Base64Url.encode(CREDENTIAL_ID));
        vector.put("prfOutput", Base64Url.encode(PRF_OUTPUT));
        if (version > 1) {
            vector.put("lineage", LINEAGE);
        }
        if (version > 2) {
            vector.put("slotPrivateKey", Base64Url.encode(range(10, 32)));
            vector.put("ephemeralPrivateKey", Base64Url.encode(range(50, 32)));
            vector.put("previousVaultKey", Base64Url.encode(PREVIOUS_VAULT_KEY));
        }
        if (version > 4) {
            vector.put("anchoredKey", Base64Url.encode(VAULT_KEY));
        }
        vector.put("envelope", envelope(version).toJson());
        return JsonWriter.indent("  ").string().value(vector).done();
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), json(Integer.parseInt(args[0])) + "\n",
                StandardCharsets.UTF_8);
    }
}
