package fob.server.backup;

import fob.server.web.Base64Url;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether two envelopes' headers hold the same keys: the same {@code lineage}, the same {@code slots} (in the same
 * order) and the same {@code previousKeys}, compared as parsed JSON values (so other spacing or field order in the
 * header's text is no change). A write that changes them could swap in a slot whose key someone else chose, so
 * it needs a recent passkey sign-in (docs/api.md, "Backups").
 */
public final class HeaderKeys {
    private static final List<String> KEYS = List.of("lineage", "slots", "previousKeys");
    /**
     * A header that names a field twice is unreadable here: this parser would see one value and a reader another,
     * and a slot swapped in under a duplicate would pass as no change.
     */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private HeaderKeys() {
    }

    /**
     * True when both envelopes' headers have the same keys. An envelope whose header cannot be read has no keys to
     * compare: that is a change, even against itself.
     */
    public static boolean same(byte[] envelope, byte[] other) {
        JsonNode a = header(envelope);
        JsonNode b = header(other);
        if (a == null || b == null) {
            return false;
        }
        for (String key : KEYS) {
            // JsonNode.equals compares values deeply: objects field by field in any order, arrays in order.
            if (!Objects.equals(a.get(key), b.get(key))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The envelope's header as a JSON object, or null when it is not one. The envelope is read as a stream and only
     * the header's value is kept: a PUT compares the stored backup's header with the new one's, and building both
     * 32 KiB envelopes as trees was most of the JSON work of a PUT (issue 27's profile). The same envelopes are
     * refused: a duplicate name (STRICT), anything after the object, a header that is not a string.
     */
    private static JsonNode header(byte[] envelope) {
        try (JsonParser parser = STRICT.createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String text = null;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("header") && value == JsonToken.VALUE_STRING) {
                    text = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null || text == null) {
                return null;
            }
            byte[] header = Base64Url.decode(text);
            if (header == null) {
                return null;
            }
            JsonNode node = STRICT.readTree(header);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
