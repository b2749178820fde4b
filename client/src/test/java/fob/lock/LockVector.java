package fob.lock;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base64Url;
import fob.kdf.Argon2id;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixed test vector src/test/resources/fob/lock/lock-vector-1.json: an app lock of version 1 with a password
 * slot and a passkey slot, made with fixed keys and a counter for randomness. AppLockFormatTest pins it and opens it
 * with independent implementations. To write it anew after a deliberate format change, run main with the file.
 */
final class LockVector {
    static final String PASSWORD = "correct horse battery staple";
    static final byte[] SALT = range(10, 16);
    static final byte[] CREDENTIAL_ID = range(200, 16);
    static final byte[] PRF_OUTPUT = range(50, 32);
    /** Stands for the vault key as a device key wraps it: 32 bytes and a 16-byte tag. */
    static final byte[] DEVICE_WRAPPED_KEY = range(120, 48);

    private LockVector() {
    }

    static byte[] range(int start, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }

    static String json() throws Exception {
        fob.crypto.FixedAead crypto = new fob.crypto.FixedAead();
        LockKeeper keeper = new LockKeeper(crypto);
        byte[] passwordKey = Argon2id.derive(PASSWORD.getBytes(StandardCharsets.UTF_8), SALT, null, null,
                PasswordLockSlot.MEMORY_KIB, PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM, 32);
        LockKeeper.Change first = keeper.withPassword(DEVICE_WRAPPED_KEY, passwordKey, SALT,
                PasswordLockSlot.MEMORY_KIB, PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM);
        keeper.written(first);
        LockKeeper.Change both = keeper.withPasskey(DEVICE_WRAPPED_KEY, CREDENTIAL_ID, PRF_OUTPUT);
        JsonObject vector = new JsonObject();
        vector.put("password", PASSWORD);
        vector.put("credentialId", Base64Url.encode(CREDENTIAL_ID));
        vector.put("prfOutput", Base64Url.encode(PRF_OUTPUT));
        vector.put("lockKey", Base64Url.encode(both.lockKey));
        vector.put("deviceWrappedKey", Base64Url.encode(DEVICE_WRAPPED_KEY));
        vector.put("lock", AppLockJson.write(both.lock));
        return JsonWriter.indent("  ").string().value(vector).done();
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args[0]), json() + "\n");
    }
}
