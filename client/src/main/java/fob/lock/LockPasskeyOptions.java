package fob.lock;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base64Url;
import java.util.List;

/**
 * The WebAuthn options of the app lock's passkey ceremonies, in WebAuthn Level 3's JSON forms. They run on this
 * device alone: the challenge is random and nobody verifies the signature, since only the PRF output matters
 * (it opens the lock, and only the authenticator, after user verification, can give it). No rp id is named, so the
 * browser uses the page's own domain, as the recovery account's passkeys do.
 */
public final class LockPasskeyOptions {
    private static final int TIMEOUT_MILLIS = 120_000;

    private LockPasskeyOptions() {
    }

    private static JsonObject prfExtension() {
        JsonObject eval = new JsonObject();
        eval.put("first", Base64Url.encode(PasskeyLockSlot.prfInput()));
        JsonObject prf = new JsonObject();
        prf.put("eval", eval);
        JsonObject extensions = new JsonObject();
        extensions.put("prf", prf);
        return extensions;
    }

    /** A new passkey for this device's lock, asked for its PRF output at once where the authenticator can. */
    public static String creation(byte[] challenge, byte[] userId) {
        JsonObject rp = new JsonObject();
        rp.put("name", "Fob");
        JsonObject user = new JsonObject();
        user.put("id", Base64Url.encode(userId));
        user.put("name", "Fob app lock");
        user.put("displayName", "Fob app lock on this device");
        JsonArray algorithms = new JsonArray();
        for (int algorithm : new int[] {-7, -257}) {
            JsonObject parameter = new JsonObject();
            parameter.put("type", "public-key");
            parameter.put("alg", algorithm);
            algorithms.add(parameter);
        }
        JsonObject selection = new JsonObject();
        selection.put("residentKey", "preferred");
        selection.put("userVerification", "required");
        JsonObject options = new JsonObject();
        options.put("challenge", Base64Url.encode(challenge));
        options.put("rp", rp);
        options.put("user", user);
        options.put("pubKeyCredParams", algorithms);
        options.put("authenticatorSelection", selection);
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("extensions", prfExtension());
        return JsonWriter.string(options);
    }

    /**
     * A sign-in that evaluates the lock's PRF input: with {@code credentialIds} (the lock's passkeys) named, or,
     * with none, any passkey of this site the person picks (the recovery account's, when Cloud backup is on).
     */
    public static String request(byte[] challenge, List<byte[]> credentialIds) {
        JsonArray allowed = new JsonArray();
        for (byte[] id : credentialIds) {
            JsonObject credential = new JsonObject();
            credential.put("type", "public-key");
            credential.put("id", Base64Url.encode(id));
            allowed.add(credential);
        }
        JsonObject options = new JsonObject();
        options.put("challenge", Base64Url.encode(challenge));
        options.put("allowCredentials", allowed);
        options.put("userVerification", "required");
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("extensions", prfExtension());
        return JsonWriter.string(options);
    }
}
