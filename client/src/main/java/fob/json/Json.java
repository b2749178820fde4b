package fob.json;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
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
            throw new JsonFormatException("it is not valid JSON" + where(e));
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
            throw new JsonFormatException("it is not valid JSON" + where(e));
        }
    }

    private static String where(Exception e) {
        if (e instanceof JsonParserException) {
            JsonParserException p = (JsonParserException) e;
            return " (line " + p.getLinePosition() + ", column " + p.getCharPosition() + ")";
        }
        return "";
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
            throw new JsonFormatException(missingOrWrong(object, key, "true or false"));
        }
        return (Boolean) value;
    }

    public static long integer(JsonObject object, String key, long min, long max) throws JsonFormatException {
        Object value = object.get(key);
        Long number = asLong(value);
        if (number == null) {
            throw new JsonFormatException(missingOrWrong(object, key, "a whole number"));
        }
        if (number < min || number > max) {
            throw new JsonFormatException("'" + key + "' must be from " + min + " to " + max);
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
            throw new JsonFormatException(missingOrWrong(object, key, "an object"));
        }
        return (JsonObject) value;
    }

    public static JsonArray array(JsonObject object, String key) throws JsonFormatException {
        Object value = object.get(key);
        if (!(value instanceof JsonArray)) {
            throw new JsonFormatException(missingOrWrong(object, key, "a list"));
        }
        return (JsonArray) value;
    }

    public static JsonObject objectAt(JsonArray array, int index, String what) throws JsonFormatException {
        Object value = array.get(index);
        if (!(value instanceof JsonObject)) {
            throw new JsonFormatException(what + " " + (index + 1) + " is not an object");
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
        return object.containsKey(key) ? "'" + key + "' must be " + expected : "'" + key + "' is missing";
    }
}
