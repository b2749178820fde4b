package fob.lock;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base64Url;
import fob.codec.EncodingException;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import java.util.ArrayList;
import java.util.List;

/** The app lock as JSON, read and written in this one place (docs/formats.md, "The app lock"). */
public final class AppLockJson {
    private static final int MAX_SLOTS = 1 + AppLock.MAX_PASSKEYS;

    private AppLockJson() {
    }

    public static String write(AppLock lock) {
        JsonArray slots = new JsonArray();
        for (LockSlot slot : lock.slots()) {
            JsonObject json = new JsonObject();
            json.put("type", slot.type());
            if (slot instanceof PasswordLockSlot) {
                PasswordLockSlot password = (PasswordLockSlot) slot;
                json.put("salt", Base64Url.encode(password.salt()));
                json.put("memoryKiB", password.memoryKiB());
                json.put("iterations", password.iterations());
                json.put("parallelism", password.parallelism());
            } else {
                json.put("credentialId", Base64Url.encode(((PasskeyLockSlot) slot).credentialId()));
            }
            json.put("nonce", Base64Url.encode(slot.nonce()));
            json.put("wrappedKey", Base64Url.encode(slot.wrappedKey()));
            slots.add(json);
        }
        JsonObject json = new JsonObject();
        json.put("version", AppLock.VERSION);
        json.put("nonce", Base64Url.encode(lock.nonce()));
        json.put("sealedKey", Base64Url.encode(lock.sealedKey()));
        json.put("slots", slots);
        return JsonWriter.string(json);
    }

    public static AppLock read(String text) throws LockFormatException {
        try {
            JsonObject json = Json.parseObject(text);
            long version = Json.integer(json, "version", 1, Integer.MAX_VALUE);
            if (version != AppLock.VERSION) {
                throw new LockFormatException(Text.t("This lock was made by a newer Fob (lock version {0})", version));
            }
            JsonArray slotsJson = Json.array(json, "slots");
            if (slotsJson.isEmpty() || slotsJson.size() > MAX_SLOTS) {
                throw new LockFormatException(Text.t("A lock has 1 to {0} slots, not {1}",
                        MAX_SLOTS, slotsJson.size()));
            }
            List<LockSlot> slots = new ArrayList<>();
            int passwords = 0;
            for (int i = 0; i < slotsJson.size(); i++) {
                JsonObject slot = Json.objectAt(slotsJson, i, Text.t("Lock slot"));
                String type = Json.string(slot, "type");
                byte[] nonce = bytes(slot, "nonce", 12, 12);
                byte[] wrappedKey = bytes(slot, "wrappedKey", 48, 48);
                if ("password".equals(type)) {
                    passwords++;
                    slots.add(new PasswordLockSlot(bytes(slot, "salt", 16, 64),
                            (int) Json.integer(slot, "memoryKiB", 8 * 1024, 1024 * 1024),
                            (int) Json.integer(slot, "iterations", 1, 64),
                            (int) Json.integer(slot, "parallelism", 1, 16), nonce, wrappedKey));
                } else if ("passkey".equals(type)) {
                    slots.add(new PasskeyLockSlot(bytes(slot, "credentialId", 1, 1023), nonce, wrappedKey));
                } else {
                    throw new LockFormatException(Text.t("Unknown kind of lock slot: '{0}'", type));
                }
            }
            if (passwords > 1) {
                throw new LockFormatException(Text.t("A lock has at most one password"));
            }
            // The sealed key is the device-wrapped vault key (48 bytes) sealed once more: 64 bytes.
            return new AppLock(bytes(json, "nonce", 12, 12), bytes(json, "sealedKey", 64, 64), slots);
        } catch (JsonFormatException e) {
            throw new LockFormatException(Text.t("Fob's lock cannot be read: {0}", e.getMessage()));
        }
    }

    private static byte[] bytes(JsonObject json, String key, int min, int max)
            throws JsonFormatException, LockFormatException {
        byte[] bytes;
        try {
            bytes = Base64Url.decode(Json.string(json, key));
        } catch (EncodingException e) {
            throw new LockFormatException(Text.t("Fob's lock cannot be read: '{0}' is not base64url", key));
        }
        if (bytes.length < min || bytes.length > max) {
            throw new LockFormatException(Text.t("Fob's lock cannot be read: '{0}' has {1} bytes", key, bytes.length));
        }
        return bytes;
    }
}
