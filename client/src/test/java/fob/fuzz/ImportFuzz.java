package fob.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.imports.ImportFile;
import fob.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every importer, fed edited copies of its fixture: it reads the file or refuses it with an ImportException,
 * and any other exception (or a hang, or running out of memory) is a finding. One target for all of them, the
 * input's last byte choosing the fixture: Jazzer fuzzes one target per JVM, and a JVM with Jazzer takes about
 * 10 s to start, three times the test command's fuzzing budget per target.
 */
@ExtendWith(FuzzStats.class)
class ImportFuzz {
    /** The fixtures under ../shared/fixtures; an input kept from a finding depends on this order, so append. */
    private static final List<String> FIXTURES = List.of(
            "aegis-importers/aegis_encrypted.json",
            "aegis-importers/aegis_plain.json",
            "aegis-importers/andotp_plain.json",
            "aegis-importers/bitwarden.json",
            "aegis-importers/ente_auth.txt",
            "aegis-importers/freeotp_plus.json",
            "aegis-importers/plain.txt",
            "aegis-importers/proton_authenticator.json",
            "aegis-importers/steam.json",
            "aegis-importers/2fas_authenticator_encrypted_v4.2fas",
            "aegis-importers/2fas_authenticator_plain_v4.2fas");
    private final String[] templates = new String[FIXTURES.size()];

    @FuzzTest
    void readsOrRefusesWithAReason(FuzzedDataProvider data) throws IOException {
        // Taken first, from the input's end (FuzzedDataProvider's integers are): the rest is read as before.
        int fixture = data.consumeInt(0, FIXTURES.size() - 1);
        if (templates[fixture] == null) {
            templates[fixture] = Fixtures.text(FIXTURES.get(fixture));
        }
        String text = Edits.apply(templates[fixture], data);
        FuzzStats.record(getClass().getSimpleName(), text);
        try {
            ImportFile file = data.consumeBoolean() ? ImportFile.read(text)
                    : ImportFile.read(text.getBytes(StandardCharsets.UTF_8));
            if (!file.needsPassword()) {
                for (ImportEntry entry : file.entries()) {
                    if (entry.usable()) {
                        entry.account().format();
                    }
                }
            }
        } catch (ImportException refused) {
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                throw new AssertionError("a refusal without a reason", refused);
            }
        }
    }
}
