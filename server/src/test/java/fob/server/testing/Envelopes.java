package fob.server.testing;

import fob.server.web.Base64Url;
import fob.server.web.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Well-formed backup envelopes of any size (the server cannot tell them from real ones, by design). */
public final class Envelopes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelopes() {
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64Url.encode(value);
    }

    public static ObjectNode header() {
        ObjectNode header = Json.object();
        ArrayNode slots = header.putArray("slots");
        slots.addObject().put("type", "passkey").put("credentialId", random(32)).put("nonce", random(12))
                .put("wrappedKey", random(48));
        slots.addObject().put("type", "recovery-code").put("salt", random(16)).put("nonce", random(12))
                .put("wrappedKey", random(48));
        return header;
    }

    public static ObjectNode envelope(ObjectNode header, int ciphertextBytes) {
        ObjectNode envelope = Json.object();
        envelope.put("fob", 1);
        envelope.put("header", Base64Url.encode(header.toString().getBytes(StandardCharsets.UTF_8)));
        envelope.put("nonce", random(12));
        envelope.put("ciphertext", random(ciphertextBytes));
        return envelope;
    }

    /** A valid envelope of about {@code size} bytes. */
    public static byte[] ofSize(int size) {
        int ciphertext = Math.max(16, (size - 700) * 3 / 4);
        return envelope(header(), ciphertext).toString().getBytes(StandardCharsets.UTF_8);
    }
}
