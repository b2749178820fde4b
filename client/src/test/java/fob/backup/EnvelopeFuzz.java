package fob.backup;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import fob.crypto.BouncyCastleAead;
import fob.fuzz.Edits;
import fob.fuzz.FuzzStats;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backup envelope as a new device reads it from the server or a file: edits of the fixed test vector,
 * parsed, then opened with the vector's recovery code, and its payload read when it still opens.
 */
@ExtendWith(FuzzStats.class)
class EnvelopeFuzz {
    private static final BackupCodec CODEC = new BackupCodec(new BouncyCastleAead());
    private static JsonObject vector;

    @FuzzTest
    void opensOrRefuses(FuzzedDataProvider data) throws Exception {
        if (vector == null) {
            vector = JsonParser.object().from(new String(EnvelopeFuzz.class.getResourceAsStream("vector-1.json")
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
        String text = Edits.apply(vector.getString("envelope"), data);
        FuzzStats.record("EnvelopeFuzz", text);
        try {
            Envelope envelope = Envelope.parse(text);
            byte[] vaultKey = CODEC.vaultKeyFromRecoveryCode(envelope, vector.getString("recoveryCode"));
            BackupPayload.read(CODEC.open(envelope, vaultKey));
        } catch (BackupException refused) {
            // Refused with a reason.
        }
    }
}
