package fob.server.backup;

import fob.server.web.Base64Url;
import fob.server.web.Json;
import java.util.Iterator;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a backup is a well-formed envelope (docs/formats.md, "The backup envelope"): {@code "fob"} 1 to
 * {@link #NEWEST_VERSION} (5), its fields, their base64url, their sizes, a header's lineage (from version 2), sealed
 * passkey slots and the key chain (from version 3), a sealed slot's anchor (from version 5), and 1 to 16 slots. What a
 * version brings is refused in an earlier one. Version 4 differs from 3 only inside the ciphertext (the payload is
 * compressed), which the server cannot see, so the two are checked alike. Slots of the known types are checked field by
 * field (fields they do not name are let through, except a sealed slot's anchor before version 5); a slot of another
 * type (a newer Fob's) needs only its type, and is kept. The server cannot decrypt the envelope and does not try; it
 * stores what passed byte for byte. The limits are the client's (fob.backup.EnvelopeLimits), which EnvelopeLimitsTest
 * pins to these.
 */
public final class EnvelopeValidator {
    public static final int MAX_SLOTS = 16;
    static final int NONCE = 12;
    static final int WRAPPED_KEY = 32 + 16;
    static final int TAG = 16;
    static final int LINEAGE = 16;
    static final int MIN_CREDENTIAL_ID = 1;
    static final int MAX_CREDENTIAL_ID = 1023;
    static final int RECOVERY_CODE_SALT = 16;
    static final int MIN_PASSWORD_SALT = 16;
    static final int MAX_PASSWORD_SALT = 64;
    static final int MIN_MEMORY_KIB = 8;
    static final int MAX_MEMORY_KIB = 1 << 20;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;
    static final int MAX_TYPE_LENGTH = 64;
    static final int EC_PUBLIC_KEY = 65;
    static final int WRAPPED_PRIVATE_KEY = 32 + 16;
    static final int ANCHOR = 32 + 16;
    static final int NEWEST_VERSION = 5;
    /** The first version whose sealed passkey slots may carry an anchor. */
    static final int ANCHORED_VERSION = 5;
    private static final Set<String> TOP_LEVEL = Set.of("fob", "header", "nonce", "ciphertext");
    private static final Set<String> HEADER_FIELDS = Set.of("lineage", "slots", "previousKeys");
    static final int MAX_PREVIOUS_KEYS = 16;

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
        // canConvertToLong first: asLong() throws on a whole number beyond 64 bits (the fuzzer found 10^48).
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1
                || version.asLong() > NEWEST_VERSION) {
            throw new InvalidEnvelopeException("'fob' must be 1, 2, 3, 4 or 5");
        }
        bytes(envelope, "nonce", NONCE, NONCE);
        bytes(envelope, "ciphertext", TAG, Integer.MAX_VALUE);
        byte[] headerBytes = bytes(envelope, "header", 2, Integer.MAX_VALUE);
        JsonNode header = parse(headerBytes, "the header");
        if (!header.isObject()) {
            throw new InvalidEnvelopeException("the header must be a JSON object");
        }
        for (Iterator<String> names = header.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!HEADER_FIELDS.contains(name)) {
                throw new InvalidEnvelopeException("unknown header field '" + name + "'");
            }
        }
        if (header.has("lineage")) {
            if (version.asLong() == 1) {
                throw new InvalidEnvelopeException("a version 1 header has no lineage");
            }
            bytes(header, "lineage", LINEAGE, LINEAGE, "the header");
        }
        JsonNode chain = header.get("previousKeys");
        if (chain != null) {
            if (version.asLong() < 3) {
                throw new InvalidEnvelopeException("a version " + version.asLong() + " header has no key chain");
            }
            if (!chain.isArray() || chain.isEmpty() || chain.size() > MAX_PREVIOUS_KEYS) {
                throw new InvalidEnvelopeException("the key chain must hold 1 to " + MAX_PREVIOUS_KEYS + " links");
            }
            for (int i = 0; i < chain.size(); i++) {
                JsonNode link = chain.get(i);
                String where = "key chain link " + (i + 1);
                if (!link.isObject()) {
                    throw new InvalidEnvelopeException(where + " must be an object");
                }
                bytes(link, "nonce", NONCE, NONCE, where);
                bytes(link, "wrappedKey", WRAPPED_KEY, WRAPPED_KEY, where);
            }
        }
        JsonNode slots = header.get("slots");
        if (slots == null || !slots.isArray() || slots.isEmpty() || slots.size() > MAX_SLOTS) {
            throw new InvalidEnvelopeException("the header must hold 1 to " + MAX_SLOTS + " slots");
        }
        for (int i = 0; i < slots.size(); i++) {
            checkSlot(slots.get(i), i + 1, version.asLong());
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

    private static void checkSlot(JsonNode slot, int number, long version) throws InvalidEnvelopeException {
        if (!slot.isObject()) {
            throw new InvalidEnvelopeException("slot " + number + " must be an object");
        }
        JsonNode type = slot.get("type");
        if (type == null || !type.isString() || type.asString().isEmpty()
                || type.asString().length() > MAX_TYPE_LENGTH) {
            throw new InvalidEnvelopeException("slot " + number + " has no type of 1 to " + MAX_TYPE_LENGTH
                    + " characters");
        }
        String where = "slot " + number + " (" + type.asString() + ")";
        switch (type.asString()) {
            case "passkey":
                bytes(slot, "credentialId", MIN_CREDENTIAL_ID, MAX_CREDENTIAL_ID, where);
                break;
            case "passkey-sealed":
                if (version < 3) {
                    throw new InvalidEnvelopeException(where + ": a version " + version + " header has no sealed slots");
                }
                bytes(slot, "credentialId", MIN_CREDENTIAL_ID, MAX_CREDENTIAL_ID, where);
                point(slot, "publicKey", where);
                point(slot, "ephemeralKey", where);
                bytes(slot, "privateKeyNonce", NONCE, NONCE, where);
                bytes(slot, "wrappedPrivateKey", WRAPPED_PRIVATE_KEY, WRAPPED_PRIVATE_KEY, where);
                anchor(slot, version, where);
                break;
            case "recovery-code":
                bytes(slot, "salt", RECOVERY_CODE_SALT, RECOVERY_CODE_SALT, where);
                break;
            case "password":
                JsonNode kdf = slot.get("kdf");
                if (kdf == null || !"argon2id".equals(kdf.asString(null))) {
                    throw new InvalidEnvelopeException(where + ": 'kdf' must be argon2id");
                }
                integer(slot, "memoryKiB", MIN_MEMORY_KIB, MAX_MEMORY_KIB, where);
                integer(slot, "iterations", 1, MAX_ITERATIONS, where);
                integer(slot, "parallelism", 1, MAX_PARALLELISM, where);
                bytes(slot, "salt", MIN_PASSWORD_SALT, MAX_PASSWORD_SALT, where);
                break;
            default:
                // A newer Fob's way in: its fields are its own. Kept as it is, as readers keep it.
                return;
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

    /**
     * A sealed slot's anchor (version 5): {@code anchorNonce} (12 bytes) and {@code anchor} (48 bytes), both or
     * neither. An earlier version has none: its readers would drop the fields unread, so they are refused there.
     */
    private static void anchor(JsonNode slot, long version, String where) throws InvalidEnvelopeException {
        boolean nonce = slot.has("anchorNonce");
        boolean anchor = slot.has("anchor");
        if (!nonce && !anchor) {
            return;
        }
        if (version < ANCHORED_VERSION) {
            throw new InvalidEnvelopeException(where + ": a version " + version + " header has no anchors");
        }
        if (nonce != anchor) {
            throw new InvalidEnvelopeException(where + ": 'anchor' and 'anchorNonce' go together");
        }
        bytes(slot, "anchorNonce", NONCE, NONCE, where);
        bytes(slot, "anchor", ANCHOR, ANCHOR, where);
    }

    /** An uncompressed P-256 point's shape; whether it is on the curve only the client can tell (and checks). */
    private static void point(JsonNode slot, String field, String where) throws InvalidEnvelopeException {
        if (bytes(slot, field, EC_PUBLIC_KEY, EC_PUBLIC_KEY, where)[0] != 4) {
            throw new InvalidEnvelopeException(where + ": '" + field + "' must be an uncompressed P-256 point");
        }
    }

    private static void integer(JsonNode object, String field, long min, long max, String where)
            throws InvalidEnvelopeException {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min
                || value.asLong() > max) {
            throw new InvalidEnvelopeException(where + ": '" + field + "' must be a whole number from " + min
                    + " to " + max);
        }
    }
}
