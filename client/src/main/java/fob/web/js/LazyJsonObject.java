package fob.web.js;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.teavm.jso.JSObject;

/**
 * A parsed JSON object that converts a field only when the core reads it: a 1,000-account vault read at start
 * then builds no map per account, which was a third of the page's start. Anything but {@link #get} (iterating,
 * writing, changing) converts the whole object first and behaves as nanojson's {@link JsonObject}.
 */
final class LazyJsonObject extends JsonObject {
    private JSObject source;
    private Map<String, Object> containers;
    private final int depth;

    LazyJsonObject(JSObject source, int depth) {
        this.source = source;
        this.depth = depth;
    }

    /**
     * A field. Objects and lists are converted once and kept apart from the map itself, so one changed in place
     * stays changed; text, numbers and booleans are converted at each read, as they cannot be changed. Nothing
     * goes into the map before it is materialised: TeaVM's LinkedHashMap.put asks size(), which materialises, and
     * storing each read field there turned every account's first read into a whole conversion (the 10,000-account
     * start profile: 109 ms of 215 ms in VaultJson.read).
     */
    @Override
    public Object get(Object key) {
        if (source == null) {
            return super.get(key);
        }
        if (!(key instanceof String)) {
            return null;
        }
        if (containers != null && containers.containsKey(key)) {
            return containers.get(key);
        }
        JSObject value = BrowserJson.get(source, (String) key);
        if (BrowserJson.isUndefined(value)) {
            return null;
        }
        Object converted = BrowserJson.toJava(value, depth + 1);
        if (converted instanceof JsonObject || converted instanceof JsonArray) {
            if (containers == null) {
                containers = new HashMap<>();
            }
            containers.put((String) key, converted);
        }
        return converted;
    }

    /** Converts every field, in the source's order (the objects and lists read so far keep their values). */
    private void materialize() {
        if (source == null) {
            return;
        }
        JSObject from = source;
        Map<String, Object> read = containers;
        source = null;
        containers = null;
        JSObject keys = BrowserJson.keys(from);
        int length = BrowserJson.length(keys);
        for (int i = 0; i < length; i++) {
            String key = BrowserJson.asString(BrowserJson.at(keys, i));
            super.put(key, read != null && read.containsKey(key) ? read.get(key)
                    : BrowserJson.toJava(BrowserJson.get(from, key), depth + 1));
        }
    }

    @Override
    public boolean containsKey(Object key) {
        if (source != null && key instanceof String) {
            return !BrowserJson.isUndefined(BrowserJson.get(source, (String) key));
        }
        return super.containsKey(key);
    }

    /** nanojson's has() calls LinkedHashMap.containsKey directly, past {@link #containsKey}: so it is answered here. */
    @Override
    public boolean has(String key) {
        return containsKey(key);
    }

    @Override
    public boolean isNull(String key) {
        return containsKey(key) && get(key) == null;
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        materialize();
        return super.getOrDefault(key, defaultValue);
    }

    @Override
    public int size() {
        materialize();
        return super.size();
    }

    @Override
    public boolean isEmpty() {
        materialize();
        return super.isEmpty();
    }

    @Override
    public boolean containsValue(Object value) {
        materialize();
        return super.containsValue(value);
    }

    @Override
    public Object put(String key, Object value) {
        materialize();
        return super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ? extends Object> map) {
        materialize();
        super.putAll(map);
    }

    @Override
    public Object remove(Object key) {
        materialize();
        return super.remove(key);
    }

    @Override
    public void clear() {
        source = null;
        containers = null;
        super.clear();
    }

    @Override
    public Set<String> keySet() {
        materialize();
        return super.keySet();
    }

    @Override
    public Collection<Object> values() {
        materialize();
        return super.values();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        materialize();
        return super.entrySet();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        materialize();
        super.forEach(action);
    }

    @Override
    public boolean equals(Object other) {
        materialize();
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        materialize();
        return super.hashCode();
    }

    @Override
    public String toString() {
        materialize();
        return super.toString();
    }

    @Override
    public Object clone() {
        materialize();
        return super.clone();
    }
}
