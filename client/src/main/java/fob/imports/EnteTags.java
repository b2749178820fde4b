package fob.imports;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.link.OtpAuthLink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Ente Auth's tags: its plain export is otpauth links whose {@code codeDisplay} parameter is JSON with "tags". */
final class EnteTags {
    private EnteTags() {
    }

    /** The tags of one link; none when it has no readable {@code codeDisplay} (they are extras, never a failure). */
    static List<String> of(String link) {
        String display = OtpAuthLink.extraParameter(link, "codeDisplay");
        if (display == null || !display.trim().startsWith("{")) {
            return Collections.emptyList();
        }
        try {
            JsonObject json = Json.parseObject(display);
            if (!(json.get("tags") instanceof JsonArray)) {
                return Collections.emptyList();
            }
            List<String> tags = new ArrayList<>();
            for (Object tag : (JsonArray) json.get("tags")) {
                if (tag instanceof String) {
                    tags.add((String) tag);
                }
            }
            return tags;
        } catch (JsonFormatException e) {
            return Collections.emptyList();
        }
    }
}
