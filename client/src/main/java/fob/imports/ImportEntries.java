package fob.imports;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.link.InvalidLinkException;
import fob.link.OtpAuthLink;
import fob.text.Text;
import fob.vault.VaultException;
import fob.vault.VaultJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries as JSON, to cross from the worker (which reads and decrypts import files) to the page (which shows
 * the preview): each entry's label, its otpauth link or its problem, its note, and a Fob export's account.
 */
public final class ImportEntries {
    private ImportEntries() {
    }

    public static JsonArray toJson(List<ImportEntry> entries) {
        JsonArray array = new JsonArray();
        for (ImportEntry entry : entries) {
            JsonObject json = new JsonObject();
            json.put("label", entry.label());
            if (entry.usable()) {
                json.put("link", entry.account().format());
                json.put("note", entry.note());
                if (entry.letterIcon()) {
                    json.put("letterIcon", true);
                }
                if (entry.iconImage() != null) {
                    json.put("iconImage", java.util.Base64.getEncoder().encodeToString(entry.iconImage()));
                    json.put("iconType", entry.iconType());
                }
                if (!entry.groups().isEmpty()) {
                    JsonArray groups = new JsonArray();
                    groups.addAll(entry.groups());
                    json.put("groups", groups);
                }
                if (entry.original() != null) {
                    json.put("account", VaultJson.writeAccount(entry.original()));
                }
            } else {
                json.put("problem", entry.problem());
            }
            array.add(json);
        }
        return array;
    }

    public static List<ImportEntry> fromJson(JsonArray array) throws ImportException {
        List<ImportEntry> entries = new ArrayList<>();
        try {
            for (int i = 0; i < array.size(); i++) {
                JsonObject json = Json.objectAt(array, i, Text.t("Entry"));
                if (json.get("account") instanceof JsonObject) {
                    entries.add(ImportEntry.of(VaultJson.readAccount(json.getObject("account")))
                            .inGroups(groups(json)));
                } else if (json.get("link") instanceof String) {
                    entries.add(ImportEntry.of(OtpAuthLink.parse(json.getString("link")),
                            Json.optionalString(json, "note", "")).inGroups(groups(json))
                            .withIconImage(iconImage(json), Json.optionalString(json, "iconType", "")));
                    if (Boolean.TRUE.equals(json.get("letterIcon"))) {
                        entries.set(entries.size() - 1, entries.get(entries.size() - 1).withLetterIcon());
                    }
                } else {
                    entries.add(ImportEntry.unusable(Json.string(json, "label"), Json.string(json, "problem")));
                }
            }
        } catch (JsonFormatException | InvalidLinkException | VaultException e) {
            throw new ImportException(Text.t("The import could not be passed on: {0}", e.getMessage()));
        }
        return entries;
    }

    private static byte[] iconImage(JsonObject json) throws JsonFormatException {
        if (json.get("iconImage") == null) {
            return null;
        }
        try {
            return java.util.Base64.getDecoder().decode(Json.string(json, "iconImage"));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(Text.t("an icon image is not base64"));
        }
    }

    private static List<String> groups(JsonObject json) throws JsonFormatException {
        List<String> names = new ArrayList<>();
        if (json.get("groups") == null) {
            return names;
        }
        for (Object name : Json.array(json, "groups")) {
            if (!(name instanceof String)) {
                throw new JsonFormatException(Text.t("a group's name is not text"));
            }
            names.add((String) name);
        }
        return names;
    }

    public static String write(List<ImportEntry> entries) {
        return JsonWriter.string(toJson(entries));
    }
}
