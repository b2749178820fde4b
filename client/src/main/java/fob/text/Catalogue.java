package fob.text;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * A language's catalogue as stored ({@code static/i18n/<tag>.json}): one JSON object, English text to its
 * translation. The caller parses the text (fob.json, with the page's fast parser), since fob.json words its errors
 * through {@link Text} and so sits above this package.
 */
public final class Catalogue {
    private Catalogue() {
    }

    /** The catalogue in {@code object}; entries whose translation is not a string are left out. */
    public static Map<String, String> read(JsonObject object) {
        Map<String, String> entries = new HashMap<>(object.size() * 2);
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            if (entry.getValue() instanceof String) {
                entries.put(entry.getKey(), (String) entry.getValue());
            }
        }
        return entries;
    }

    public static String write(Map<String, String> entries) {
        JsonObject object = new JsonObject();
        object.putAll(entries);
        return JsonWriter.string(object);
    }
}
