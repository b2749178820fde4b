package fob.json;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import fob.text.Text;
import java.math.BigInteger;

/**
 * Strict, typed reads over nanojson (a small parser with no reflection, so TeaVM compiles it). nanojson's own
 * getters turn a wrong type into a default; these say which field is wrong instead.
 */
public final class Json {
    private Json() {
    }

    /** A faster parser of the same JSON, where the platform has one (the page: the browser's own). */
    public interface FastParser {
        /** The value in nanojson's types, or null to leave the text to nanojson (which also explains errors). */
        Object parse(String text);
    }

    private static volatile FastParser fastParser;

    /** Set once at start-up by the page; the JVM and the worker parse with nanojson alone. */
    public static void useFastParser(FastParser parser) {
        fastParser = parser;
    }

    public static JsonObject parseObject(String text) throws JsonFormatException {
        FastParser fast = fastParser;
        if (fast != null) {
            Object value = fast.parse(text);
            if (value instanceof JsonObject) {
                return (JsonObject) value;
            }
        }
        try {
            return JsonParser.object().from(text);
        } catch (JsonParserException | RuntimeException e) {
            throw notJson(e);
        }
    }

    public static Object parseAny(String text) throws JsonFormatException {
        FastParser fast = fastParser;
        if (fast != null) {
            Object value = fast.parse(text);
            if (value != null) {
                return value;
            }
        }
        try {
            return JsonParser.any().from(text);
        } catch (JsonParserException | RuntimeException e) {
            throw notJson(e);
        }
    }

    private static JsonFormatException notJson(Exception e) {
        if (e instanceof JsonParserException) {
            JsonParserException p = (JsonParserException) e;
            return new JsonFormatException(Text.t("it is not valid JSON (line {0}, column {1})", p.getLinePosition(),
                    p.getCharPosition()));
        }
        return new JsonFormatException(Text.t("it is not valid JSON"));
    }

    public static String string(JsonObject object, String key) throws JsonFormatException {
        Object value = object.get(key);
        if (!(value instanceof String)) {
            throw new JsonFormatException(missingOrWrong(object, key, "text"));
        }
        return (String) value;
    }

    public static String optionalString(JsonObject object, String key, String fallback) throws JsonFormatException {
        return object.get(key) == null ? fallback : string(object, key);
    }

    public static boolean bool(JsonObject object, String key, boolean fallback) throws JsonFormatException {
        Object value = object.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw new JsonFormatException(missingOrWrong(object, key, Text.t("true or false")));
        }
        return (Boolean) value;
    }

    public static long integer(JsonObject object, String key, long min, long max) throws JsonFormatException {
        Object value = object.get(key);
        Long number = asLong(value);
        if (number == null) {
            throw new JsonFormatException(missingOrWrong(object, key, Text.t("a whole number")));
        }
        if (number < min || number > max) {
            throw new JsonFormatException(Text.t("'{0}' must be from {1} to {2}", key, min, max));
        }
        return number;
    }

    public static long optionalInteger(JsonObject object, String key, long min, long max, long fallback)
            throws JsonFormatException {
        return object.get(key) == null ? fallback : integer(object, key, min, max);
    }

    public static JsonObject object(JsonObject object, String key) throws JsonFormatException {
        Object value = object.get(key);
        if (!(value instanceof JsonObject)) {
            throw new JsonFormatException(missingOrWrong(object, key, Text.t("an object")));
        }
        return (JsonObject) value;
    }

    public static JsonArray array(JsonObject object, String key) throws JsonFormatException {
        Object value = object.get(key);
        if (!(value instanceof JsonArray)) {
            throw new JsonFormatException(missingOrWrong(object, key, Text.t("a list")));
        }
        return (JsonArray) value;
    }

    public static JsonObject objectAt(JsonArray array, int index, String what) throws JsonFormatException {
        Object value = array.get(index);
        if (!(value instanceof JsonObject)) {
            throw new JsonFormatException(Text.t("{0} {1} is not an object", what, (index + 1)));
        }
        return (JsonObject) value;
    }

    private static Long asLong(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        if (value instanceof Double) {
            // A whole number written with a fraction or exponent ("30.0", "3e1"); exact only within 2^53.
            double d = (Double) value;
            // Math.floor, not Math.rint: TeaVM 0.15's rint truncates d + 0.5, which is inexact near 2^53.
            return d == Math.floor(d) && Math.abs(d) <= 9.007199254740991E15 ? Long.valueOf((long) d) : null;
        }
        return null;
    }

    private static String missingOrWrong(JsonObject object, String key, String expected) {
        return object.containsKey(key) ? Text.t("'{0}' must be {1}", key, expected) : Text.t("'{0}' is missing", key);
    }
}
