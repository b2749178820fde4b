package fob.vault;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base32;
import fob.codec.EncodingException;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.otp.HashAlgorithm;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import fob.text.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vault as JSON: what is encrypted into the browser's storage. Documented in docs/formats.md; readers
 * refuse what they do not understand rather than drop it.
 */
public final class VaultJson {
    public static final String FORMAT = "fob-vault";
    /** Version 3 added groups, version 2 Recently deleted; versions 1 and 2 are still read. */
    public static final int VERSION = 3;

    private VaultJson() {
    }

    public static String write(Vault vault) {
        JsonArray accounts = new JsonArray();
        for (Account account : vault.accounts()) {
            accounts.add(writeAccount(account));
        }
        JsonObject settings = writeSettings(vault.settings());
        JsonObject root = new JsonObject();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("accounts", accounts);
        root.put("settings", settings);
        root.put("tombstones", writeTombstones(vault.tombstones()));
        JsonArray deleted = new JsonArray();
        for (Deleted entry : vault.recentlyDeleted()) {
            JsonObject json = new JsonObject();
            json.put("account", writeAccount(entry.account()));
            json.put("deletedAt", entry.deletedAt());
            json.put("onAnotherDevice", entry.onAnotherDevice());
            deleted.add(json);
        }
        root.put("recentlyDeleted", deleted);
        root.put("orderedAt", vault.orderedAt());
        root.put("groups", writeGroups(vault.groups()));
        if (!vault.usedAt().isEmpty()) {
            JsonObject used = new JsonObject();
            used.putAll(vault.usedAt());
            root.put("usedAt", used);
        }
        return JsonWriter.string(root);
    }

    private static Map<String, Long> readUsedAt(JsonObject root) throws JsonFormatException {
        Map<String, Long> used = new LinkedHashMap<>();
        if (root.get("usedAt") == null) {
            return used;
        }
        JsonObject times = Json.object(root, "usedAt");
        for (String id : times.keySet()) {
            used.put(id, Json.integer(times, id, 0, Long.MAX_VALUE));
        }
        return used;
    }

    public static JsonArray writeGroups(List<Group> groups) {
        JsonArray array = new JsonArray();
        for (Group group : groups) {
            JsonObject json = new JsonObject();
            json.put("id", group.id());
            json.put("name", group.name());
            json.put("created", group.created());
            json.put("updated", group.updated());
            array.add(json);
        }
        return array;
    }

    /** The groups; absent (none) in vaults and backups before version 3. */
    public static List<Group> readGroups(JsonObject root) throws JsonFormatException, VaultException {
        List<Group> groups = new ArrayList<>();
        if (root.get("groups") == null) {
            return groups;
        }
        JsonArray array = Json.array(root, "groups");
        if (array.size() > Vault.MAX_GROUPS) {
            throw new VaultException(Text.t("The vault holds more than {0} groups", Vault.MAX_GROUPS));
        }
        for (int i = 0; i < array.size(); i++) {
            JsonObject json = Json.objectAt(array, i, Text.t("Group"));
            String name = Json.string(json, "name");
            if (Group.problemWith(name) != null) {
                throw new JsonFormatException("group " + (i + 1) + ": " + Group.problemWith(name));
            }
            groups.add(new Group(Json.string(json, "id"), name, Json.integer(json, "created", 0, Long.MAX_VALUE),
                    Json.integer(json, "updated", 0, Long.MAX_VALUE)));
        }
        return groups;
    }

    /** When the accounts were last reordered; absent (0) in vaults and backups of version 1. */
    public static long readOrderedAt(JsonObject root) throws JsonFormatException {
        return root.get("orderedAt") == null ? 0 : Json.integer(root, "orderedAt", 0, Long.MAX_VALUE);
    }

    private static List<Deleted> readRecentlyDeleted(JsonObject root) throws JsonFormatException, VaultException {
        List<Deleted> deleted = new ArrayList<>();
        if (root.get("recentlyDeleted") == null) {
            return deleted;
        }
        JsonArray array = Json.array(root, "recentlyDeleted");
        if (array.size() > Vault.MAX_DELETED + Vault.MAX_ACCOUNTS) {
            throw new VaultException(Text.t("Recently deleted holds too many accounts"));
        }
        for (int i = 0; i < array.size(); i++) {
            JsonObject entry = Json.objectAt(array, i, Text.t("Recently deleted entry"));
            Object another = entry.get("onAnotherDevice");
            if (!(another instanceof Boolean)) {
                throw new JsonFormatException(Text.t("'onAnotherDevice' must be true or false"));
            }
            deleted.add(new Deleted(readAccount(Json.object(entry, "account")),
                    Json.integer(entry, "deletedAt", 0, Long.MAX_VALUE), (Boolean) another));
        }
        return deleted;
    }

    public static JsonArray writeTombstones(Map<String, Long> tombstones) {
        JsonArray array = new JsonArray();
        for (Map.Entry<String, Long> tombstone : tombstones.entrySet()) {
            JsonObject json = new JsonObject();
            json.put("id", tombstone.getKey());
            json.put("deletedAt", tombstone.getValue());
            array.add(json);
        }
        return array;
    }

    public static Map<String, Long> readTombstones(JsonObject root) throws JsonFormatException {
        Map<String, Long> tombstones = new LinkedHashMap<>();
        if (root.get("tombstones") == null) {
            return tombstones;
        }
        JsonArray array = Json.array(root, "tombstones");
        for (int i = 0; i < array.size() && i < Vault.MAX_TOMBSTONES; i++) {
            JsonObject tombstone = Json.objectAt(array, i, Text.t("Tombstone"));
            tombstones.put(Json.string(tombstone, "id"), Json.integer(tombstone, "deletedAt", 0, Long.MAX_VALUE));
        }
        return tombstones;
    }

    public static JsonObject writeAccount(Account account) {
        JsonObject json = new JsonObject();
        json.put("id", account.id());
        json.put("kind", account.kind().jsonName());
        json.put("issuer", account.issuer());
        json.put("name", account.name());
        OtpParameters otp = account.otp();
        if (otp != null) {
            json.put("type", otp.type().linkName());
            json.put("secret", Base32.encode(otp.secret()));
            json.put("algorithm", otp.algorithm().name());
            json.put("digits", otp.digits());
            json.put("period", otp.period());
            json.put("counter", otp.counter());
        }
        json.put("note", account.note());
        json.put("created", account.created());
        json.put("updated", account.updated());
        if (account.icon().kind() != AccountIcon.Kind.AUTOMATIC) {
            json.put("icon", writeIcon(account.icon()));
        }
        if (!account.groups().isEmpty()) {
            // Only when there are any: 10,000 accounts without a group would carry 130 kB of empty lists.
            JsonArray groups = new JsonArray();
            groups.addAll(account.groups());
            json.put("groups", groups);
        }
        return json;
    }

    public static Vault read(String text) throws VaultException {
        try {
            JsonObject root = Json.parseObject(text);
            if (!FORMAT.equals(root.get("format"))) {
                throw new VaultException(Text.t("This is not a Fob vault"));
            }
            long version = Json.integer(root, "version", 1, Integer.MAX_VALUE);
            if (version > VERSION) {
                throw new VaultException(Text.t("This vault was written by a newer Fob (format {0}); update Fob to"
                        + " open it", version));
            }
            JsonArray array = Json.array(root, "accounts");
            if (array.size() > Vault.MAX_ACCOUNTS) {
                throw new VaultException(Text.t("The vault holds more than {0} accounts", Vault.MAX_ACCOUNTS));
            }
            List<Account> accounts = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                accounts.add(readAccount(Json.objectAt(array, i, Text.t("Account"))));
            }
            return new Vault(accounts, readSettings(Json.object(root, "settings")), readTombstones(root),
                    readRecentlyDeleted(root), readOrderedAt(root), readGroups(root)).withUsedAt(readUsedAt(root));
        } catch (JsonFormatException e) {
            throw new VaultException(Text.t("The vault is damaged: {0}", e.getMessage()));
        }
    }

    public static Settings readSettings(JsonObject settings) throws JsonFormatException {
        return new Settings(Json.bool(settings, "hideCodesWhenHidden", false),
                SortOrder.fromJsonName(Json.optionalString(settings, "sortBy", SortOrder.MANUAL.jsonName())));
    }

    public static JsonObject writeSettings(Settings settings) {
        JsonObject json = new JsonObject();
        json.put("hideCodesWhenHidden", settings.hideCodesWhenHidden());
        if (settings.sortBy() != SortOrder.MANUAL) {
            json.put("sortBy", settings.sortBy().jsonName());
        }
        return json;
    }

    public static Account readAccount(JsonObject json) throws JsonFormatException, VaultException {
        String id = Json.string(json, "id");
        AccountKind kind = AccountKind.fromJsonName(Json.string(json, "kind"));
        if (kind == null) {
            throw new JsonFormatException(Text.t("unknown account kind '{0}'", json.get("kind")));
        }
        OtpParameters otp = null;
        if (json.containsKey("secret")) {
            OtpType type = OtpType.fromName(Json.string(json, "type"));
            HashAlgorithm algorithm = HashAlgorithm.fromName(Json.string(json, "algorithm"));
            try {
                otp = OtpParameters.of(type, algorithm,
                        (int) Json.integer(json, "digits", 0, 99),
                        (int) Json.integer(json, "period", 0, OtpParameters.MAX_PERIOD),
                        Json.integer(json, "counter", 0, OtpParameters.MAX_COUNTER),
                        Base32.decode(Json.string(json, "secret")));
            } catch (InvalidOtpException | EncodingException e) {
                throw new VaultException(Text.t("The account {0} is damaged: {1}", id, e.getMessage()));
            }
        }
        return new Account(id, kind,
                Json.string(json, "issuer"),
                Json.string(json, "name"),
                otp,
                Json.optionalString(json, "note", ""),
                Json.integer(json, "created", 0, Long.MAX_VALUE),
                Json.integer(json, "updated", 0, Long.MAX_VALUE),
                readAccountGroups(json, id),
                readIcon(json, id));
    }

    private static JsonObject writeIcon(AccountIcon icon) {
        JsonObject json = new JsonObject();
        switch (icon.kind()) {
            case SET:
                json.put("set", icon.slug());
                break;
            case IMAGE:
                json.put("png", java.util.Base64.getEncoder().encodeToString(icon.png()));
                break;
            default:
                json.put("letter", true);
        }
        return json;
    }

    private static AccountIcon readIcon(JsonObject json, String id) throws JsonFormatException, VaultException {
        if (json.get("icon") == null) {
            return AccountIcon.AUTOMATIC;
        }
        JsonObject icon = Json.object(json, "icon");
        if (icon.get("set") != null) {
            return AccountIcon.fromSet(Json.string(icon, "set"));
        }
        if (icon.get("png") != null) {
            try {
                return AccountIcon.image(java.util.Base64.getDecoder().decode(Json.string(icon, "png")));
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException(Text.t("the account {0} has an icon that is not base64", id));
            }
        }
        if (Boolean.TRUE.equals(icon.get("letter"))) {
            return AccountIcon.LETTER;
        }
        throw new JsonFormatException(Text.t("the account {0} has an icon of a kind Fob does not know", id));
    }

    private static List<String> readAccountGroups(JsonObject json, String id) throws JsonFormatException {
        if (json.get("groups") == null) {
            return java.util.Collections.emptyList();
        }
        JsonArray array = Json.array(json, "groups");
        if (array.size() > Vault.MAX_GROUPS) {
            throw new JsonFormatException(Text.t("the account {0} is in more than {1} groups", id, Vault.MAX_GROUPS));
        }
        List<String> groups = new ArrayList<>(array.size());
        for (Object group : array) {
            if (!(group instanceof String)) {
                throw new JsonFormatException(Text.t("the account {0} names a group by something other than text", id));
            }
            groups.add((String) group);
        }
        return groups;
    }
}
