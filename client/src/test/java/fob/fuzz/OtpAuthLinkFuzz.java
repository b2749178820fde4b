package fob.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fob.link.InvalidLinkException;
import fob.link.OtpAuthLink;
import org.junit.jupiter.api.extension.ExtendWith;

/** otpauth links: parsed or refused with a reason; a parsed link written back parses to the same account. */
@ExtendWith(FuzzStats.class)
class OtpAuthLinkFuzz {
    @FuzzTest
    void parsesOrRefusesAndRoundTrips(String text) throws InvalidLinkException {
        if (text == null) {
            return;
        }
        FuzzStats.record("OtpAuthLinkFuzz", text);
        OtpAuthLink link;
        try {
            link = OtpAuthLink.parse(text);
        } catch (InvalidLinkException refused) {
            return;
        }
        OtpAuthLink again = OtpAuthLink.parse(link.format());
        if (!again.parameters().equals(link.parameters()) || !again.issuer().equals(link.issuer())
                || !again.name().equals(link.name())) {
            throw new AssertionError("written back, " + text + " became " + link.format());
        }
    }
}
