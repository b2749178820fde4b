package fob.server.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sliver of CBOR (RFC 8949) a software authenticator writes: maps with integer or text keys, integers,
 * byte strings and text. Written here rather than with a library so each byte an attestation holds is visible.
 */
public final class Cbor {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Cbor() {
    }

    public static byte[] encode(Object value) {
        Cbor cbor = new Cbor();
        cbor.write(value);
        return cbor.out.toByteArray();
    }

    /** A map that keeps its insertion order, as CTAP2's canonical order needs for small maps. */
    public static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private void head(int major, long value) {
        if (value < 24) {
            out.write(major << 5 | (int) value);
        } else if (value < 0x100) {
            out.write(major << 5 | 24);
            out.write((int) value);
        } else if (value < 0x10000) {
            out.write(major << 5 | 25);
            out.write((int) (value >> 8));
            out.write((int) value);
        } else {
            out.write(major << 5 | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (value >> shift));
            }
        }
    }

    private void write(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (n >= 0) {
                head(0, n);
            } else {
                head(1, -1 - n);
            }
        } else if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            head(2, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof String) {
            byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
        } else if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            head(5, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(entry.getKey());
                write(entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("no CBOR for " + value);
        }
    }
}
