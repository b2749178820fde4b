package fob.text;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.json.Json;
import fob.json.JsonFormatException;
import java.util.HashMap;
import java.util.Map;

/** A language's catalogue as stored ({@code static/i18n/<tag>.json}): one JSON object, English text to its translation. */
public final class Catalogue {
    private Catalogue() {
    }

    /** The catalogue in {@code json}; entries whose translation is not a string are left out. */
    public static Map<String, String> read(String json) throws JsonFormatException {
        JsonObject object = Json.parseObject(json);
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
