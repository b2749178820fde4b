package fob.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.grack.nanojson.JsonObject;
import fob.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockPasskeyOptionsTest {
    /** base64url of SHA-256("fob app lock v1"), worked out with sha256sum and basenc, not with Fob's code. */
    private static final String PRF_INPUT = "aslAq_zqfHMMUrJHA4AkplJgUWqlEuvU8UOGEffHm3A";

    @Test
    void aSignInAsksForUserVerificationAndTheLockPrfInput() throws Exception {
        JsonObject options = Json.parseObject(LockPasskeyOptions.request(new byte[32], List.of(new byte[] {1, 2})));
        assertEquals("required", options.getString("userVerification"));
        assertEquals(PRF_INPUT, options.getObject("extensions").getObject("prf").getObject("eval").getString("first"));
        assertEquals("AQI", options.getArray("allowCredentials").getObject(0).getString("id"));
        assertEquals(null, options.get("rpId"), "the page's own domain");
    }

    @Test
    void aNewPasskeyIsMadeWithUserVerificationAndAsksForThePrfAtOnce() throws Exception {
        JsonObject options = Json.parseObject(LockPasskeyOptions.creation(new byte[32], new byte[16]));
        assertEquals("required", options.getObject("authenticatorSelection").getString("userVerification"));
        assertEquals(PRF_INPUT, options.getObject("extensions").getObject("prf").getObject("eval").getString("first"));
        assertEquals(-7, options.getArray("pubKeyCredParams").getObject(0).getInt("alg"));
    }
}
