package fob.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fob.imports.GoogleMigration;
import fob.imports.ImportException;
import java.util.Base64;
import org.junit.jupiter.api.extension.ExtendWith;

/** Google Authenticator's migration payloads (protobuf), arriving base64 in an otpauth-migration link. */
@ExtendWith(FuzzStats.class)
class MigrationFuzz {
    @FuzzTest
    void readsOrRefuses(byte[] payload) {
        FuzzStats.record("MigrationFuzz", payload);
        String link = "otpauth-migration://offline?data=" + Base64.getEncoder().encodeToString(payload)
                .replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
        try {
            GoogleMigration.parse(link);
        } catch (ImportException refused) {
            // A reason for the person: what a damaged payload should get.
        }
    }
}
