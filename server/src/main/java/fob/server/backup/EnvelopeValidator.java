package fob.server.backup;

import fob.server.web.Base64Url;
import fob.server.web.Json;
import java.util.Iterator;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a backup is a well-formed envelope (DESIGN.md, "Keys and the backup format"): its fields, their
 * base64url, their sizes, and 1 to 16 slots of known types. The server cannot decrypt it and does not try; it
 * stores what passed byte for byte.
 */
public final class EnvelopeValidator {
    public static final int MAX_SLOTS = 16;
    private static final int NONCE = 12;
    private static final int WRAPPED_KEY = 32 + 16;
    private static final int TAG = 16;
    private static final Set<String> TOP_LEVEL = Set.of("fob", "header", "nonce", "ciphertext");

    private EnvelopeValidator() {
    }

    public static void check(byte[] body) throws InvalidEnvelopeException {
        JsonNode envelope = parse(body, "the backup");
        if (!envelope.isObject()) {
            throw new InvalidEnvelopeException("the backup must be a JSON object");
        }
        for (Iterator<String> names = envelope.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new InvalidEnvelopeException("unknown field '" + name + "'");
            }
        }
        JsonNode version = envelope.get("fob");
        if (version == null || !version.isIntegralNumber() || version.asLong() != 1) {
            throw new InvalidEnvelopeException("'fob' must be 1");
        }
        bytes(envelope, "nonce", NONCE, NONCE);
        bytes(envelope, "ciphertext", TAG, Integer.MAX_VALUE);
        byte[] headerBytes = bytes(envelope, "header", 2, Integer.MAX_VALUE);
        JsonNode header = parse(headerBytes, "the header");
        if (!header.isObject()) {
            throw new InvalidEnvelopeException("the header must be a JSON object");
        }
        JsonNode slots = header.get("slots");
        if (slots == null || !slots.isArray() || slots.isEmpty() || slots.size() > MAX_SLOTS) {
            throw new InvalidEnvelopeException("the header must hold 1 to " + MAX_SLOTS + " slots");
        }
        for (int i = 0; i < slots.size(); i++) {
            checkSlot(slots.get(i), i + 1);
        }
    }

    private static JsonNode parse(byte[] json, String what) throws InvalidEnvelopeException {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidEnvelopeException(what + " is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidEnvelopeException(what + " is not valid JSON");
        }
    }

    private static void checkSlot(JsonNode slot, int number) throws InvalidEnvelopeException {
        if (!slot.isObject()) {
            throw new InvalidEnvelopeException("slot " + number + " must be an object");
        }
        JsonNode type = slot.get("type");
        if (type == null || !type.isString()) {
            throw new InvalidEnvelopeException("slot " + number + " has no type");
        }
        String where = "slot " + number + " (" + type.asString() + ")";
        switch (type.asString()) {
            case "passkey":
                bytes(slot, "credentialId", 1, 1023, where);
                break;
            case "recovery-code":
                bytes(slot, "salt", 16, 16, where);
                break;
            case "password":
                JsonNode kdf = slot.get("kdf");
                if (kdf == null || !"argon2id".equals(kdf.asString(null))) {
                    throw new InvalidEnvelopeException(where + ": 'kdf' must be argon2id");
                }
                integer(slot, "memoryKiB", 8, 1 << 20, where);
                integer(slot, "iterations", 1, 64, where);
                integer(slot, "parallelism", 1, 16, where);
                bytes(slot, "salt", 16, 64, where);
                break;
            default:
                throw new InvalidEnvelopeException("slot " + number + " has an unknown type '" + type.asString() + "'");
        }
        bytes(slot, "nonce", NONCE, NONCE, where);
        bytes(slot, "wrappedKey", WRAPPED_KEY, WRAPPED_KEY, where);
    }

    private static byte[] bytes(JsonNode object, String field, int min, int max) throws InvalidEnvelopeException {
        return bytes(object, field, min, max, "the envelope");
    }

    private static byte[] bytes(JsonNode object, String field, int min, int max, String where)
            throws InvalidEnvelopeException {
        JsonNode value = object.get(field);
        byte[] decoded = value != null && value.isString() ? Base64Url.decode(value.asString()) : null;
        if (decoded == null) {
            throw new InvalidEnvelopeException(where + ": '" + field + "' must be base64url text");
        }
        if (decoded.length < min || decoded.length > max) {
            throw new InvalidEnvelopeException(where + ": '" + field + "' must be " + (min == max ? min + " bytes"
                    : "from " + min + " to " + max + " bytes") + ", not " + decoded.length);
        }
        return decoded;
    }

    private static void integer(JsonNode object, String field, long min, long max, String where)
            throws InvalidEnvelopeException {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new InvalidEnvelopeException(where + ": '" + field + "' must be a whole number from " + min
                    + " to " + max);
        }
    }
}
