package fob.backup;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fob.fuzz.Edits;
import fob.fuzz.FuzzStats;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backup's decrypted payload (the vault as JSON), which a stale or hostile device may have written: edits
 * of the test vector's vault, read or refused.
 */
@ExtendWith(FuzzStats.class)
class PayloadFuzz {
    private static String template;

    @FuzzTest
    void readsOrRefuses(FuzzedDataProvider data) throws Exception {
        if (template == null) {
            template = new String(new BackupPayload(7, 1_700_000_100_000L, BackupVector.vault()).toBytes(),
                    StandardCharsets.UTF_8);
        }
        String text = Edits.apply(template, data);
        FuzzStats.record("PayloadFuzz", text);
        try {
            BackupPayload.read(text.getBytes(StandardCharsets.UTF_8));
        } catch (BackupException refused) {
            // Refused with a reason.
        }
    }
}
