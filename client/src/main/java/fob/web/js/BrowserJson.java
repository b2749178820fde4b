package fob.web.js;

import com.grack.nanojson.JsonArray;
import fob.json.Json;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The browser's JSON.parse and TextDecoder, for the vault and backups the page reads as it starts: nanojson and
 * UTF-8 decoding compiled by TeaVM read a 1,000-account vault in about 190 ms, most of the page's start.
 * The result is turned into nanojson's types, so the core reads it as it reads nanojson's. Whatever this
 * cannot hold exactly (an integer beyond 2^53, very deep nesting) or cannot parse goes back to nanojson.
 */
public final class BrowserJson implements Json.FastParser {
    private static final double MAX_SAFE_INTEGER = 9_007_199_254_740_991d;
    private static final int MAX_DEPTH = 256;

    /** A value that the conversion leaves to nanojson. */
    private static final class NotExact extends RuntimeException {
        NotExact() {
            super(null, null, false, false);
        }
    }

    @Override
    public Object parse(String text) {
        JSObject box = parseBoxed(text);
        if (box == null || !exact(unbox(box), MAX_DEPTH)) {
            return null;
        }
        return toJava(unbox(box), 0);
    }

    /** Decodes UTF-8 as Java's String constructor does (malformed bytes become U+FFFD), without copying. */
    public static String utf8(byte[] bytes) {
        return decode(Int8Array.fromJavaArray(bytes));
    }

    /** {@link #utf8(byte[])} of bytes the browser holds. */
    public static String utf8(Int8Array bytes) {
        return decode(bytes);
    }

    /** A parsed value as the core reads it; objects are converted field by field as they are read. */
    static Object toJava(JSObject value, int depth) {
        switch (kind(value)) {
            case STRING:
                return asString(value);
            case NUMBER:
                return number(asNumber(value));
            case BOOLEAN:
                return asBoolean(value);
            case NULL:
                return null;
            case ARRAY: {
                checkDepth(depth);
                int length = length(value);
                JsonArray array = new JsonArray(length);
                for (int i = 0; i < length; i++) {
                    array.add(toJava(at(value, i), depth + 1));
                }
                return array;
            }
            default:
                checkDepth(depth);
                return new LazyJsonObject(value, depth);
        }
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new NotExact();
        }
    }

    /** Whole numbers as nanojson gives them (Integer, else Long), others as Double. */
    private static Object number(double d) {
        // Math.floor, not Math.rint: TeaVM 0.15's rint truncates d + 0.5, which is inexact near 2^53.
        if (d != Math.floor(d)) {
            return d;
        }
        if (Math.abs(d) > MAX_SAFE_INTEGER) {
            throw new NotExact();
        }
        if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
            return (int) d;
        }
        return (long) d;
    }

    @JSBody(params = "text", script = "try { return {value: JSON.parse(text)}; } catch (e) { return null; }")
    private static native JSObject parseBoxed(String text);

    @JSBody(params = "box", script = "return box.value;")
    private static native JSObject unbox(JSObject box);

    private static final int STRING = 0;
    private static final int NUMBER = 1;
    private static final int BOOLEAN = 2;
    private static final int NULL = 3;
    private static final int ARRAY = 4;

    /**
     * The value's kind as a number (5: an object): a switch over the kind's name hashed a new Java string for
     * every value read, a tenth of the 10,000-account start profile (jl_String_hashCode).
     */
    @JSBody(params = "v", script = "var t = typeof v; return t === 'string' ? 0 : t === 'number' ? 1"
            + " : t === 'boolean' ? 2 : v === null ? 3 : Array.isArray(v) ? 4 : 5;")
    private static native int kind(JSObject v);

    @JSBody(params = "v", script = "return v;")
    static native String asString(JSObject v);

    @JSBody(params = "v", script = "return v;")
    private static native double asNumber(JSObject v);

    @JSBody(params = "v", script = "return v;")
    private static native boolean asBoolean(JSObject v);

    @JSBody(params = "v", script = "return v.length;")
    static native int length(JSObject v);

    @JSBody(params = {"v", "i"}, script = "return v[i];")
    static native JSObject at(JSObject v, int i);

    @JSBody(params = "v", script = "return Object.keys(v);")
    static native JSObject keys(JSObject v);

    /** An own property, or undefined (never one of Object.prototype's, such as "toString"). */
    @JSBody(params = {"v", "key"}, script = "return Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;")
    static native JSObject get(JSObject v, String key);

    @JSBody(params = "v", script = "return v === undefined;")
    static native boolean isUndefined(JSObject v);

    /**
     * Whether the whole value converts exactly: no integer beyond 2^53 and no nesting deeper than {@code depth}.
     * Checked at once, since objects are converted later, field by field, when nothing may fail any more.
     */
    @JSBody(params = {"v", "depth"}, script = "function exact(v, d) {"
            + " if (typeof v === 'number') return Math.floor(v) !== v || Math.abs(v) <= 9007199254740991;"
            + " if (v === null || typeof v !== 'object') return true;"
            + " if (d <= 0) return false;"
            + " if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) if (!exact(v[i], d - 1)) return false;"
            + "  return true; }"
            + " for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k) && !exact(v[k], d - 1)) return false;"
            + " return true; }"
            + " return exact(v, depth);")
    private static native boolean exact(JSObject v, int depth);

    @JSBody(params = "bytes", script = "return new TextDecoder('utf-8').decode(bytes);")
    private static native String decode(Int8Array bytes);
}
