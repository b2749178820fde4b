package fob.web.js;

import com.grack.nanojson.JsonObject;
import java.util.Collection;
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
    private final int depth;

    LazyJsonObject(JSObject source, int depth) {
        this.source = source;
        this.depth = depth;
    }

    /** A field, converted once and kept: a nested object changed in place stays changed. */
    @Override
    public Object get(Object key) {
        if (source == null || super.containsKey(key)) {
            return super.get(key);
        }
        if (!(key instanceof String)) {
            return null;
        }
        JSObject value = BrowserJson.get(source, (String) key);
        if (BrowserJson.isUndefined(value)) {
            return null;
        }
        Object converted = BrowserJson.toJava(value, depth + 1);
        super.put((String) key, converted);
        return converted;
    }

    /** Converts every field, in the source's order (the fields read so far keep their converted values). */
    private void materialize() {
        if (source == null) {
            return;
        }
        JSObject from = source;
        source = null;
        java.util.Map<String, Object> read = new java.util.HashMap<>(this);
        super.clear();
        JSObject keys = BrowserJson.keys(from);
        int length = BrowserJson.length(keys);
        for (int i = 0; i < length; i++) {
            String key = BrowserJson.asString(BrowserJson.at(keys, i));
            super.put(key, read.containsKey(key) ? read.get(key)
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
