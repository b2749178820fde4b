package fob.imports;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The exports that are plain JSON: Bitwarden, FreeOTP+, andOTP, Proton Authenticator, Steam (maFile). */
final class JsonImporters {
    private JsonImporters() {
    }

    /**
     * Bitwarden: items whose {@code login.totp} is an otpauth link, or {@code steam://SECRET}; an item's folder
     * becomes its group.
     */
    static boolean isBitwarden(JsonObject root) {
        return root.get("items") instanceof JsonArray && root.containsKey("encrypted");
    }

    static List<ImportEntry> bitwarden(JsonObject root) throws ImportException, JsonFormatException {
        if (Boolean.TRUE.equals(root.get("encrypted"))) {
            throw new ImportException(Text.t("This Bitwarden export is encrypted; export your vault as unencrypted"
                    + " JSON to bring its codes to Fob"));
        }
        JsonArray items = Json.array(root, "items");
        GroupNames folders = GroupNames.of(root, "folders", "id", "name");
        List<ImportEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = Json.objectAt(items, i, Text.t("Item"));
            Object login = item.get("login");
            Object totp = login instanceof JsonObject ? ((JsonObject) login).get("totp") : null;
            if (!(totp instanceof String) || ((String) totp).isEmpty()) {
                continue; // A password without a one-time code: nothing for Fob.
            }
            String name = Json.optionalString(item, "name", "");
            String link = (String) totp;
            ImportEntry entry;
            if (link.regionMatches(true, 0, "steam://", 0, 8)) {
                entry = Entries.of(name, "", "steam", link.substring(8), "SHA1", 5, 30, 0, "");
            } else if (link.regionMatches(true, 0, "otpauth://", 0, 10)) {
                entry = Entries.ofLink(link, name, "");
            } else {
                // Bitwarden also accepts a bare base32 secret: a default TOTP account.
                entry = Entries.of(name, "", "totp", link, "SHA1", 6, 30, 0, "");
            }
            entries.add(entry.inGroups(folders.named(item.get("folderId"))));
        }
        return entries;
    }

    /** FreeOTP+: tokens with signed-byte secrets; its HOTP counter is one behind the code to show next. */
    static boolean isFreeOtpPlus(JsonObject root) {
        return root.get("tokens") instanceof JsonArray;
    }

    static List<ImportEntry> freeOtpPlus(JsonObject root) throws JsonFormatException {
        JsonArray tokens = Json.array(root, "tokens");
        List<ImportEntry> entries = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsonObject token = Json.objectAt(tokens, i, Text.t("Token"));
            String issuer = Json.optionalString(token, "issuerExt", Json.optionalString(token, "issuerInt", ""));
            String name = Json.optionalString(token, "label", "");
            JsonArray secretArray = Json.array(token, "secret");
            byte[] secret = new byte[secretArray.size()];
            for (int b = 0; b < secret.length; b++) {
                Object value = secretArray.get(b);
                if (!(value instanceof Number) || ((Number) value).intValue() < -128 || ((Number) value).intValue() > 255) {
                    throw new JsonFormatException(Text.t("token {0} has a secret that is not bytes", (i + 1)));
                }
                secret[b] = (byte) ((Number) value).intValue();
            }
            String type = Json.optionalString(token, "type", "TOTP");
            long counter = Json.optionalInteger(token, "counter", 0, Long.MAX_VALUE - 1, 0);
            entries.add(Entries.of(issuer, name, type, secret, Json.optionalString(token, "algo", "SHA1"),
                    Json.optionalInteger(token, "digits", 0, 99, 6), Json.optionalInteger(token, "period", 0,
                    Integer.MAX_VALUE, 30), type.equalsIgnoreCase("HOTP") ? counter + 1 : 0, ""));
        }
        return entries;
    }

    /** andOTP (plain): a list of entries with base32 secrets. */
    static boolean isAndOtp(JsonArray root) {
        return !root.isEmpty() && root.get(0) instanceof JsonObject && ((JsonObject) root.get(0)).containsKey("secret")
                && ((JsonObject) root.get(0)).containsKey("type");
    }

    static List<ImportEntry> andOtp(JsonArray root) throws JsonFormatException {
        List<ImportEntry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonObject entry = Json.objectAt(root, i, Text.t("Entry"));
            entries.add(Entries.of(Json.optionalString(entry, "issuer", ""), Json.optionalString(entry, "label", ""),
                    Json.optionalString(entry, "type", "TOTP"), Json.optionalString(entry, "secret", ""),
                    Json.optionalString(entry, "algorithm", "SHA1"), Json.optionalInteger(entry, "digits", 0, 99, 6),
                    Json.optionalInteger(entry, "period", 0, Integer.MAX_VALUE, 30),
                    Json.optionalInteger(entry, "counter", 0, Long.MAX_VALUE, 0), ""));
        }
        return entries;
    }

    /** Proton Authenticator: entries whose content holds an otpauth link. */
    static boolean isProton(JsonObject root) {
        if (!(root.get("entries") instanceof JsonArray)) {
            return false;
        }
        JsonArray entries = (JsonArray) root.get("entries");
        return entries.isEmpty() || (entries.get(0) instanceof JsonObject
                && ((JsonObject) entries.get(0)).get("content") instanceof JsonObject);
    }

    static List<ImportEntry> proton(JsonObject root) throws JsonFormatException {
        JsonArray array = Json.array(root, "entries");
        List<ImportEntry> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject entry = Json.objectAt(array, i, Text.t("Entry"));
            JsonObject content = Json.object(entry, "content");
            entries.add(Entries.ofLink(Json.string(content, "uri"), Json.optionalString(content, "name", ""),
                    Json.optionalString(entry, "note", "")));
        }
        return entries;
    }

    /** Steam Desktop Authenticator's accounts: base64 shared secrets. */
    static boolean isSteam(JsonObject root) {
        return root.get("accounts") instanceof JsonObject;
    }

    static List<ImportEntry> steam(JsonObject root) throws JsonFormatException {
        JsonObject accounts = Json.object(root, "accounts");
        List<ImportEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> account : accounts.entrySet()) {
            if (!(account.getValue() instanceof JsonObject)) {
                throw new JsonFormatException(Text.t("account {0} is not an object", account.getKey()));
            }
            JsonObject steam = (JsonObject) account.getValue();
            String name = Json.optionalString(steam, "account_name", account.getKey());
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(Json.string(steam, "shared_secret"));
            } catch (IllegalArgumentException e) {
                entries.add(ImportEntry.unusable(Entries.label("Steam", name),
                        Text.t("its shared secret is not base64")));

                continue;
            }
            entries.add(Entries.of("Steam", name, "steam", secret, "SHA1", 5, 30, 0, ""));
        }
        return entries;
    }
}
