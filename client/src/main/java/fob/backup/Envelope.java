package fob.backup;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base64Url;
import fob.codec.EncodingException;
import fob.json.Json;
import fob.json.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A backup as it travels and is stored: {@code {"fob": 1, "header", "nonce", "ciphertext"}}, the header being
 * base64url of its UTF-8 JSON {@code {"slots": [...]}}. The payload is sealed with the header string, as it
 * stands, for associated data: a changed header (a slot swapped in) fails to open.
 */
public final class Envelope {
    public static final int VERSION = 1;
    public static final int MAX_SLOTS = 16;

    private final String header;
    private final List<Slot> slots;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private Envelope(String header, List<Slot> slots, byte[] nonce, byte[] ciphertext) {
        this.header = header;
        this.slots = Collections.unmodifiableList(new ArrayList<>(slots));
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
    }

    /** The header string (base64url), exactly as it stands in the envelope: the associated data. */
    public String header() {
        return header;
    }

    public List<Slot> slots() {
        return slots;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    static Envelope of(String header, byte[] nonce, byte[] ciphertext) throws BackupException {
        return new Envelope(header, parseHeader(header), nonce, ciphertext);
    }

    /** The header string for these slots. */
    public static String writeHeader(List<Slot> slots) {
        JsonArray array = new JsonArray();
        for (Slot slot : slots) {
            JsonObject json = new JsonObject();
            json.put("type", slot.type());
            if (slot instanceof PasskeySlot) {
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
            array.add(json);
        }
        JsonObject header = new JsonObject();
        header.put("slots", array);
        return Base64Url.encode(JsonWriter.string(header).getBytes(StandardCharsets.UTF_8));
    }

    static List<Slot> parseHeader(String header) throws BackupException {
        try {
            JsonObject json = Json.parseObject(new String(Base64Url.decode(header), StandardCharsets.UTF_8));
            JsonArray array = Json.array(json, "slots");
            if (array.isEmpty() || array.size() > MAX_SLOTS) {
                throw new BackupException("The backup must have 1 to " + MAX_SLOTS + " slots");
            }
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonObject slot = Json.objectAt(array, i, "Slot");
                byte[] nonce = bytes(slot, "nonce", 12, 12);
                byte[] wrapped = bytes(slot, "wrappedKey", 48, 48);
                String type = Json.string(slot, "type");
                switch (type) {
                    case "passkey":
                        slots.add(new PasskeySlot(bytes(slot, "credentialId", 1, 1023), nonce, wrapped));
                        break;
                    case "recovery-code":
                        slots.add(new RecoveryCodeSlot(bytes(slot, "salt", 16, 16), nonce, wrapped));
                        break;
                    case "password":
                        if (!"argon2id".equals(slot.get("kdf"))) {
                            throw new BackupException("A password slot must use argon2id");
                        }
                        slots.add(new PasswordSlot((int) Json.integer(slot, "memoryKiB", 8, 1 << 20),
                                (int) Json.integer(slot, "iterations", 1, 64),
                                (int) Json.integer(slot, "parallelism", 1, 16), bytes(slot, "salt", 16, 64), nonce,
                                wrapped));
                        break;
                    default:
                        // A newer Fob's slot: another way in that this version cannot use, but may keep.
                        break;
                }
            }
            return slots;
        } catch (JsonFormatException | EncodingException e) {
            throw new BackupException("The backup's header is damaged: " + e.getMessage());
        }
    }

    private static byte[] bytes(JsonObject json, String key, int min, int max)
            throws JsonFormatException, EncodingException {
        byte[] value = Base64Url.decode(Json.string(json, key));
        if (value.length < min || value.length > max) {
            throw new JsonFormatException("'" + key + "' has " + value.length + " bytes");
        }
        return value;
    }

    public String toJson() {
        JsonObject json = new JsonObject();
        json.put("fob", VERSION);
        json.put("header", header);
        json.put("nonce", Base64Url.encode(nonce));
        json.put("ciphertext", Base64Url.encode(ciphertext));
        return JsonWriter.string(json);
    }

    public static Envelope parse(String text) throws BackupException {
        try {
            JsonObject json = Json.parseObject(text);
            if (!Long.valueOf(VERSION).equals(toLong(json.get("fob")))) {
                throw new BackupException("This is not a Fob backup of a version this Fob can read");
            }
            byte[] nonce = Base64Url.decode(Json.string(json, "nonce"));
            byte[] ciphertext = Base64Url.decode(Json.string(json, "ciphertext"));
            if (nonce.length != 12 || ciphertext.length < 16) {
                throw new BackupException("The backup is damaged (its nonce or ciphertext has the wrong size)");
            }
            return of(Json.string(json, "header"), nonce, ciphertext);
        } catch (JsonFormatException | EncodingException e) {
            throw new BackupException("The backup is damaged: " + e.getMessage());
        }
    }

    private static Long toLong(Object value) {
        return value instanceof Number ? Long.valueOf(((Number) value).longValue()) : null;
    }
}
