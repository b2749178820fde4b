package fob.imports;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import fob.codec.EncodingException;
import fob.codec.Hex;
import fob.crypto.Aead;
import fob.crypto.DecryptionException;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Aegis vaults (docs/vault.md in Aegis's repository): {@code {version, header: {slots, params}, db}}, with
 * {@code db} a plain object, or base64 AES-256-GCM ciphertext whose master key a password slot wraps under a
 * key from scrypt.
 */
final class AegisImporter {
    private AegisImporter() {
    }

    static boolean recognises(JsonObject root) {
        return root.get("header") instanceof JsonObject && root.containsKey("db");
    }

    static ImportFile read(JsonObject root) throws ImportException {
        Object db = root.get("db");
        if (db instanceof JsonObject) {
            return ImportFile.plain("Aegis", entries((JsonObject) db));
        }
        if (db instanceof String) {
            return ImportFile.encrypted("Aegis", (password, kdf, crypto) -> decrypt(root, password, kdf, crypto));
        }
        throw new ImportException(Text.t("This Aegis file is damaged: its db is neither an object nor encrypted text"));
    }

    private static List<ImportEntry> decrypt(JsonObject root, String password, Kdf kdf, Aead crypto)
            throws ImportException {
        try {
            JsonObject header = Json.object(root, "header");
            JsonArray slots = Json.array(header, "slots");
            byte[] masterKey = null;
            boolean hadPasswordSlot = false;
            for (int i = 0; i < slots.size() && masterKey == null; i++) {
                JsonObject slot = Json.objectAt(slots, i, Text.t("Slot"));
                if (Json.integer(slot, "type", 0, 255) != 1) {
                    continue; // Biometric and raw slots open only on the phone that made them.
                }
                hadPasswordSlot = true;
                byte[] key = kdf.scrypt(password.getBytes(StandardCharsets.UTF_8), hex(slot, "salt"),
                        (int) Json.integer(slot, "n", 2, 1 << 30), (int) Json.integer(slot, "r", 1, 1024),
                        (int) Json.integer(slot, "p", 1, 16), 32);
                JsonObject keyParams = Json.object(slot, "key_params");
                try {
                    masterKey = crypto.open(key, hex(keyParams, "nonce"), new byte[0],
                            concat(hex(slot, "key"), hex(keyParams, "tag")));
                } catch (DecryptionException wrongPassword) {
                    // Try the next password slot.
                }
            }
            if (!hadPasswordSlot) {
                throw new ImportException(Text.t("This Aegis vault has no password slot; export it with a password"));
            }
            if (masterKey == null) {
                throw new ImportException(Text.t("The password is wrong"));
            }
            JsonObject params = Json.object(header, "params");
            byte[] ciphertext;
            try {
                ciphertext = Base64.getDecoder().decode(Json.string(root, "db"));
            } catch (IllegalArgumentException e) {
                throw new ImportException(Text.t("This Aegis file is damaged: its encrypted db is not base64"));
            }
            byte[] plain;
            try {
                plain = crypto.open(masterKey, hex(params, "nonce"), new byte[0], concat(ciphertext, hex(params, "tag")));
            } catch (DecryptionException e) {
                throw new ImportException(Text.t("This Aegis file is damaged: its db does not decrypt (truncated?)"));
            }
            return entries(Json.parseObject(new String(plain, StandardCharsets.UTF_8)));
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("This Aegis file is damaged: {0}", e.getMessage()));
        }
    }

    private static List<ImportEntry> entries(JsonObject db) throws ImportException {
        try {
            JsonArray array = Json.array(db, "entries");
            // Aegis's vault version 3 lists its groups and names them by uuid in each entry; version 2 names one
            // group per entry in "group".
            GroupNames groups = GroupNames.of(db, "groups", "uuid", "name");
            List<ImportEntry> entries = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonObject entry = Json.objectAt(array, i, Text.t("Entry"));
                String issuer = Json.optionalString(entry, "issuer", "");
                String name = Json.optionalString(entry, "name", "");
                Object info = entry.get("info");
                if (!(info instanceof JsonObject)) {
                    entries.add(ImportEntry.unusable(Entries.label(issuer, name), Text.t("it has no OTP details")));
                    continue;
                }
                JsonObject otp = (JsonObject) info;
                entries.add(Entries.of(issuer, name, Json.optionalString(entry, "type", "totp"),
                        Json.optionalString(otp, "secret", ""), Json.optionalString(otp, "algo", "SHA1"),
                        Json.optionalInteger(otp, "digits", 0, 99, 6), Json.optionalInteger(otp, "period", 0,
                        Integer.MAX_VALUE, 30), Json.optionalInteger(otp, "counter", 0, Long.MAX_VALUE, 0),
                        Json.optionalString(entry, "note", "")).inGroups(groupsOf(entry, groups))
                        .withIconImage(icon(entry), Json.optionalString(entry, "icon_mime", "")));
            }
            return entries;
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("This Aegis file is damaged: {0}", e.getMessage()));
        }
    }

    /** The entry's icon (base64 image bytes), or null when it has none or it is not base64. */
    private static byte[] icon(JsonObject entry) {
        Object icon = entry.get("icon");
        if (!(icon instanceof String)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode((String) icon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> groupsOf(JsonObject entry, GroupNames groups) {
        Object uuids = entry.get("groups");
        if (uuids instanceof JsonArray) {
            return groups.named((JsonArray) uuids);
        }
        Object name = entry.get("group");
        return name instanceof String ? java.util.Collections.singletonList((String) name)
                : java.util.Collections.emptyList();
    }

    private static byte[] hex(JsonObject object, String key) throws JsonFormatException {
        try {
            return Hex.decode(Json.string(object, key));
        } catch (EncodingException e) {
            throw new JsonFormatException(Text.t("'{0}' is not hex", key));
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
