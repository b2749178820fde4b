package fob.imports;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import fob.codec.TextSplit;
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
 * 2FAS backups ({@code .2fas}): {@code {services, groups, schemaVersion, servicesEncrypted?}}. Encrypted, the
 * services are {@code base64(ciphertext+tag):base64(salt):base64(iv)}, AES-256-GCM under PBKDF2-HMAC-SHA256
 * with 10,000 iterations.
 */
final class TwoFasImporter {
    private static final int ITERATIONS = 10_000;

    private TwoFasImporter() {
    }

    static boolean recognises(JsonObject root) {
        return root.get("services") instanceof JsonArray && (root.containsKey("schemaVersion")
                || root.containsKey("appVersionCode") || root.containsKey("updatedAt"));
    }

    static ImportFile read(JsonObject root) throws ImportException {
        Object encrypted = root.get("servicesEncrypted");
        if (encrypted instanceof String && !((String) encrypted).isEmpty()) {
            // The groups stay outside the encrypted services.
            GroupNames groups = groups(root);
            return ImportFile.encrypted("2FAS", (password, kdf, crypto) -> services(decrypt((String) encrypted,
                    password, kdf, crypto), groups));
        }
        try {
            return ImportFile.plain("2FAS", services(Json.array(root, "services"), groups(root)));
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("This 2FAS file is damaged: {0}", e.getMessage()));
        }
    }

    private static JsonArray decrypt(String encrypted, String password, Kdf kdf, Aead crypto)
            throws ImportException {
        // Not String.split: its regular expressions would be compiled into the worker.
        String[] parts = TextSplit.split(encrypted, ':').toArray(new String[0]);
        if (parts.length != 3) {
            throw new ImportException(Text.t("This 2FAS file is damaged: its encrypted services have {0} parts, not 3",
                    parts.length));
        }
        byte[] sealed;
        byte[] salt;
        byte[] iv;
        try {
            sealed = Base64.getDecoder().decode(parts[0]);
            salt = Base64.getDecoder().decode(parts[1]);
            iv = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ImportException(Text.t("This 2FAS file is damaged: its encrypted services are not base64"));
        }
        byte[] key = kdf.pbkdf2Sha256(password.getBytes(StandardCharsets.UTF_8), salt, ITERATIONS, 32);
        byte[] plain;
        try {
            plain = crypto.open(key, iv, new byte[0], sealed);
        } catch (DecryptionException e) {
            throw new ImportException(Text.t("The password is wrong (or the file is damaged)"));
        }
        try {
            Object services = Json.parseAny(new String(plain, StandardCharsets.UTF_8));
            if (!(services instanceof JsonArray)) {
                throw new ImportException(Text.t("This 2FAS file is damaged: its services are not a list"));
            }
            return (JsonArray) services;
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("This 2FAS file is damaged: {0}", e.getMessage()));
        }
    }

    /**
     * 2FAS shows a service by a text label or by an icon of its own collection (which Fob does not have: there the
     * automatic icon stands in).
     */
    private static boolean shownByLabel(JsonObject service) {
        Object icon = service.get("icon");
        return icon instanceof JsonObject && "Label".equals(((JsonObject) icon).get("selected"));
    }

    private static GroupNames groups(JsonObject root) throws ImportException {
        try {
            return GroupNames.of(root, "groups", "id", "name");
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("This 2FAS file is damaged: {0}", e.getMessage()));
        }
    }

    private static List<ImportEntry> services(JsonArray services, GroupNames groups) throws ImportException {
        try {
            List<ImportEntry> entries = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                JsonObject service = Json.objectAt(services, i, Text.t("Service"));
                Object otpValue = service.get("otp");
                JsonObject otp = otpValue instanceof JsonObject ? (JsonObject) otpValue : new JsonObject();
                String issuer = Json.optionalString(otp, "issuer", Json.optionalString(service, "name", ""));
                String name = Json.optionalString(otp, "account", "");
                // Old exports (schema 1) hold only the secret: those were always TOTP.
                String type = Json.optionalString(otp, "tokenType", "TOTP");
                if (type.equalsIgnoreCase("unknown")) {
                    type = "TOTP";
                }
                entries.add(Entries.of(issuer, name, type, Json.optionalString(service, "secret", ""),
                        Json.optionalString(otp, "algorithm", "SHA1"), Json.optionalInteger(otp, "digits", 0, 99, 6),
                        Json.optionalInteger(otp, "period", 0, Integer.MAX_VALUE, 30),
                        Json.optionalInteger(otp, "counter", 0, Long.MAX_VALUE, 0), "")
                        .inGroups(groups.named(service.get("groupId"))));
                if (shownByLabel(service)) {
                    entries.set(entries.size() - 1, entries.get(entries.size() - 1).withLetterIcon());
                }
            }
            return entries;
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("This 2FAS file is damaged: {0}", e.getMessage()));
        }
    }
}
