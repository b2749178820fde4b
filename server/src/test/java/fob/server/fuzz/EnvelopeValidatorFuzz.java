package fob.server.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fob.fuzz.Edits;
import fob.fuzz.FuzzStats;
import fob.server.backup.EnvelopeValidator;
import fob.server.backup.InvalidEnvelopeException;
import fob.server.testing.Envelopes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server's check of an uploaded envelope: edits of a valid one are accepted or refused, never thrown on. */
@ExtendWith(FuzzStats.class)
class EnvelopeValidatorFuzz {
    private static final String TEMPLATE = new String(Envelopes.ofSize(2048), StandardCharsets.UTF_8);

    @FuzzTest
    void acceptsOrRefuses(FuzzedDataProvider data) {
        String text = Edits.apply(TEMPLATE, data);
        FuzzStats.record("EnvelopeValidatorFuzz", text);
        try {
            EnvelopeValidator.check(text.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidEnvelopeException refused) {
            // A 400 with this reason.
        }
    }
}
