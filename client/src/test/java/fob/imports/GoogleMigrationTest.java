package fob.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.codec.Base32;
import fob.link.OtpAuthLink;
import fob.testing.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleMigrationTest {
    /** Each migration link in example_export.txt decodes to the otpauth links in the comments above it. */
    @Test
    void decodesTheFixtureExportToTheLinksItDocuments() throws Exception {
        List<String> expected = new ArrayList<>();
        int links = 0;
        for (String line : Fixtures.text("google-migration/example_export.txt").lines().toList()) {
            if (line.startsWith("# otpauth://")) {
                expected.add(line.substring(2));
            } else if (line.startsWith("otpauth-migration://")) {
                // The comments list a link's accounts, though not always in the payload's order.
                List<String> want = new ArrayList<>();
                for (String link : expected) {
                    OtpAuthLink parsed = OtpAuthLink.parse(link);
                    want.add(describe(parsed));
                }
                List<String> got = new ArrayList<>();
                for (ImportEntry entry : GoogleMigration.parse(line)) {
                    got.add(describe(entry.account()));
                }
                Collections.sort(want);
                Collections.sort(got);
                assertEquals(want, got, line);
                expected.clear();
                links++;
            }
        }
        assertEquals(5, links);
    }

    /**
     * Google keeps a label with a colon but no issuer whole, as the name; the link in the comment splits it at
     * the colon. Both read the same to a person.
     */
    private static String label(OtpAuthLink link) {
        return link.issuer().isEmpty() ? link.name() : link.issuer() + ": " + link.name();
    }

    private static String describe(OtpAuthLink link) {
        return label(link) + " " + link.parameters() + " " + Base32.encode(link.parameters().secret());
    }

    @Test
    void refusesDataThatIsNotAPayload() {
        assertThrows(ImportException.class, () -> GoogleMigration.parse("otpauth-migration://offline"));
        assertThrows(ImportException.class, () -> GoogleMigration.parse("otpauth-migration://offline?data=%%%"));
        assertThrows(ImportException.class, () -> GoogleMigration.parse("otpauth-migration://offline?data=AAAA"));
        // A payload cut in the middle of its first account.
        assertThrows(ImportException.class, () -> GoogleMigration.parse(
                "otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3Bi"));
    }

    @Test
    void marksUnsupportedAccountsWithAReason() throws Exception {
        // One account: secret "12345", name "md5", algorithm 4 (MD5), TOTP.
        byte[] payload = {0x0a, 0x0e, 0x0a, 0x05, 1, 2, 3, 4, 5, 0x12, 0x03, 'm', 'd', '5', 0x20, 0x04, 0x30, 0x02};
        List<ImportEntry> entries = GoogleMigration.parsePayload(payload);
        assertEquals(1, entries.size());
        assertFalse(entries.get(0).usable());
        assertTrue(entries.get(0).problem().contains("MD5"));
    }
}
