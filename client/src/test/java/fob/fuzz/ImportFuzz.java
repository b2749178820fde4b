package fob.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.imports.ImportFile;
import fob.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An importer, fed edited copies of its fixture: it reads the file or refuses it with an ImportException,
 * and any other exception (or a hang, or running out of memory) is a finding. Each subclass is one fuzz
 * target, since Jazzer fuzzes one test per JVM.
 */
@ExtendWith(FuzzStats.class)
abstract class ImportFuzz {
    private String template;

    /** The fixture under ../shared/fixtures that this target edits. */
    abstract String fixture();

    @FuzzTest
    void readsOrRefusesWithAReason(FuzzedDataProvider data) throws IOException {
        if (template == null) {
            template = Fixtures.text(fixture());
        }
        String text = Edits.apply(template, data);
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
