package fob.backup;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base64Url;
import fob.codec.EncodingException;
import fob.crypto.Aead;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An envelope's header, read and written here alone (the page, the worker and the server's tests share it):
 * base64url of the UTF-8 JSON {@code {"lineage", "slots": [...], "previousKeys": [...]}}. The lineage names one backup of one recovery
 * account, from the moment backup was first turned on for it; exports and version-1 backups have none. Slots
 * of unknown types are kept as they were read.
 */
public final class Header {
    private final String lineage;
    private final List<Slot> slots;
    private final List<PreviousKey> previousKeys;

    public Header(String lineage, List<Slot> slots) {
        this(lineage, slots, List.of());
    }

    /** A header with the key chain of its rotations, newest first (at most {@link EnvelopeLimits#MAX_PREVIOUS_KEYS}). */
    public Header(String lineage, List<Slot> slots, List<PreviousKey> previousKeys) {
        this.lineage = lineage;
        this.slots = Collections.unmodifiableList(new ArrayList<>(slots));
        this.previousKeys = Collections.unmodifiableList(new ArrayList<>(
                previousKeys.subList(0, Math.min(previousKeys.size(), EnvelopeLimits.MAX_PREVIOUS_KEYS))));
    }

    /** A new lineage: 16 random bytes, base64url. */
    public static String newLineage(Aead crypto) {
        return Base64Url.encode(crypto.random(EnvelopeLimits.LINEAGE_BYTES));
    }

    /** The backup's lineage, or null (an export, or a backup written before lineages). */
    public String lineage() {
        return lineage;
    }

    public List<Slot> slots() {
        return slots;
    }

    /** The vault keys before each rotation, newest first, each sealed under the one after it. */
    public List<PreviousKey> previousKeys() {
        return previousKeys;
    }

    public Header withSlots(List<Slot> newSlots) {
        return new Header(lineage, newSlots, previousKeys);
    }

    /** The header string: what the envelope carries and the payload authenticates. */
    public String write() {
        JsonArray array = new JsonArray();
        for (Slot slot : slots) {
            array.add(writeSlot(slot));
        }
        JsonObject header = new JsonObject();
        if (lineage != null) {
            header.put("lineage", lineage);
        }
        header.put("slots", array);
        if (!previousKeys.isEmpty()) {
            JsonArray chain = new JsonArray();
            for (PreviousKey link : previousKeys) {
                JsonObject json = new JsonObject();
                json.put("nonce", Base64Url.encode(link.nonce()));
                json.put("wrappedKey", Base64Url.encode(link.wrappedKey()));
                chain.add(json);
            }
            header.put("previousKeys", chain);
        }
        return Base64Url.encode(JsonWriter.string(header).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject writeSlot(Slot slot) {
        if (slot instanceof UnknownSlot) {
            return ((UnknownSlot) slot).json();
        }
        JsonObject json = new JsonObject();
        json.put("type", slot.type());
        if (slot instanceof SealedPasskeySlot) {
            SealedPasskeySlot sealed = (SealedPasskeySlot) slot;
            json.put("credentialId", Base64Url.encode(sealed.credentialId()));
            json.put("publicKey", Base64Url.encode(sealed.publicKey()));
            json.put("privateKeyNonce", Base64Url.encode(sealed.privateKeyNonce()));
            json.put("wrappedPrivateKey", Base64Url.encode(sealed.wrappedPrivateKey()));
            json.put("ephemeralKey", Base64Url.encode(sealed.ephemeralKey()));
            if (sealed.hasAnchor()) {
                json.put("anchorNonce", Base64Url.encode(sealed.anchorNonce()));
                json.put("anchor", Base64Url.encode(sealed.anchor()));
            }
        } else if (slot instanceof PasskeySlot) {
            json.put("credentialId", Base64Url.encode(((PasskeySlot) slot).credentialId()));
        } else if (slot instanceof RecoveryCodeSlot) {
            json.put("salt", Base64Url.encode(((RecoveryCodeSlot) slot).salt()));
        } else {
            PasswordSlot password = (PasswordSlot) slot;
            json.put("kdf", "argon2id");
            json.put("memoryKiB", password.memoryKiB());
            json.put("iterations", password.iterations());
            json.put("parallelism", password.parallelism());
            json.put("salt", Base64Url.encode(password.salt()));
        }
        json.put("nonce", Base64Url.encode(slot.nonce()));
        json.put("wrappedKey", Base64Url.encode(slot.wrappedKey()));
        return json;
    }

    public static Header parse(String header) throws BackupException {
        try {
            JsonObject json = Json.parseObject(new String(Base64Url.decode(header), StandardCharsets.UTF_8));
            String lineage = null;
            if (json.has("lineage")) {
                lineage = Json.string(json, "lineage");
                if (Base64Url.decode(lineage).length != EnvelopeLimits.LINEAGE_BYTES) {
                    throw new BackupException(Text.t("The backup's lineage must be {0} bytes",
                            EnvelopeLimits.LINEAGE_BYTES));
                }
            }
            JsonArray array = Json.array(json, "slots");
            if (array.isEmpty() || array.size() > EnvelopeLimits.MAX_SLOTS) {
                throw new BackupException(Text.t("The backup must have 1 to {0} slots", EnvelopeLimits.MAX_SLOTS));
            }
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                slots.add(readSlot(Json.objectAt(array, i, Text.t("Slot"))));
            }
            List<PreviousKey> previousKeys = new ArrayList<>();
            if (json.has("previousKeys")) {
                JsonArray chain = Json.array(json, "previousKeys");
                if (chain.isEmpty() || chain.size() > EnvelopeLimits.MAX_PREVIOUS_KEYS) {
                    throw new BackupException(Text.t("The backup's key chain must have 1 to {0} links",
                            EnvelopeLimits.MAX_PREVIOUS_KEYS));
                }
                for (int i = 0; i < chain.size(); i++) {
                    JsonObject link = Json.objectAt(chain, i, Text.t("Key chain link"));
                    previousKeys.add(new PreviousKey(nonce(link), wrappedKey(link)));
                }
            }
            return new Header(lineage, slots, previousKeys);
        } catch (JsonFormatException | EncodingException e) {
            throw new BackupException(Text.t("The backup's header is damaged: {0}", e.getMessage()));
        }
    }

    private static Slot readSlot(JsonObject slot) throws JsonFormatException, EncodingException, BackupException {
        String type = Json.string(slot, "type");
        switch (type) {
            case "passkey":
                return new PasskeySlot(bytes(slot, "credentialId", EnvelopeLimits.MIN_CREDENTIAL_ID_BYTES,
                        EnvelopeLimits.MAX_CREDENTIAL_ID_BYTES), nonce(slot), wrappedKey(slot));
            case SealedPasskeySlot.TYPE:
                if (slot.has("anchor") != slot.has("anchorNonce")) {
                    throw new BackupException(Text.t("A sealed passkey slot's anchor needs its nonce"));
                }
                boolean anchored = slot.has("anchor");
                return new SealedPasskeySlot(bytes(slot, "credentialId", EnvelopeLimits.MIN_CREDENTIAL_ID_BYTES,
                        EnvelopeLimits.MAX_CREDENTIAL_ID_BYTES), publicKey(slot, "publicKey"),
                        bytes(slot, "privateKeyNonce", EnvelopeLimits.NONCE_BYTES, EnvelopeLimits.NONCE_BYTES),
                        bytes(slot, "wrappedPrivateKey", EnvelopeLimits.WRAPPED_PRIVATE_KEY_BYTES,
                                EnvelopeLimits.WRAPPED_PRIVATE_KEY_BYTES), publicKey(slot, "ephemeralKey"),
                        nonce(slot), wrappedKey(slot),
                        anchored ? bytes(slot, "anchorNonce", EnvelopeLimits.NONCE_BYTES, EnvelopeLimits.NONCE_BYTES)
                                : null,
                        anchored ? bytes(slot, "anchor", EnvelopeLimits.ANCHOR_BYTES, EnvelopeLimits.ANCHOR_BYTES)
                                : null);
            case "recovery-code":
                return new RecoveryCodeSlot(bytes(slot, "salt", EnvelopeLimits.RECOVERY_CODE_SALT_BYTES,
                        EnvelopeLimits.RECOVERY_CODE_SALT_BYTES), nonce(slot), wrappedKey(slot));
            case "password":
                if (!"argon2id".equals(slot.get("kdf"))) {
                    throw new BackupException(Text.t("A password slot must use argon2id"));
                }
                return new PasswordSlot((int) Json.integer(slot, "memoryKiB", EnvelopeLimits.MIN_MEMORY_KIB,
                        EnvelopeLimits.MAX_MEMORY_KIB),
                        (int) Json.integer(slot, "iterations", 1, EnvelopeLimits.MAX_ITERATIONS),
                        (int) Json.integer(slot, "parallelism", 1, EnvelopeLimits.MAX_PARALLELISM),
                        bytes(slot, "salt", EnvelopeLimits.MIN_PASSWORD_SALT_BYTES,
                                EnvelopeLimits.MAX_PASSWORD_SALT_BYTES), nonce(slot), wrappedKey(slot));
            default:
                if (type.isEmpty() || type.length() > EnvelopeLimits.MAX_TYPE_LENGTH) {
                    throw new BackupException(Text.t("A slot's type must have 1 to {0} characters",
                            EnvelopeLimits.MAX_TYPE_LENGTH));
                }
                return new UnknownSlot(type, slot);
        }
    }

    private static byte[] publicKey(JsonObject slot, String key) throws JsonFormatException, EncodingException {
        byte[] point = bytes(slot, key, EnvelopeLimits.EC_PUBLIC_KEY_BYTES, EnvelopeLimits.EC_PUBLIC_KEY_BYTES);
        if (point[0] != 4) {
            throw new JsonFormatException(Text.t("'{0}' is not an uncompressed P-256 point", key));
        }
        return point;
    }

    private static byte[] nonce(JsonObject slot) throws JsonFormatException, EncodingException {
        return bytes(slot, "nonce", EnvelopeLimits.NONCE_BYTES, EnvelopeLimits.NONCE_BYTES);
    }

    private static byte[] wrappedKey(JsonObject slot) throws JsonFormatException, EncodingException {
        return bytes(slot, "wrappedKey", EnvelopeLimits.WRAPPED_KEY_BYTES, EnvelopeLimits.WRAPPED_KEY_BYTES);
    }

    private static byte[] bytes(JsonObject json, String key, int min, int max)
            throws JsonFormatException, EncodingException {
        byte[] value = Base64Url.decode(Json.string(json, key));
        if (value.length < min || value.length > max) {
            throw new JsonFormatException(Text.t("'{0}' has {1} bytes", key, value.length));
        }
        return value;
    }
}
