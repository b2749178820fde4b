package fob.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkReaderTest {
    @Test
    void readsOneLinkPerLineAndEveryMigrationBatch() throws Exception {
        List<ImportEntry> plain = LinkReader.read(Fixtures.text("aegis-importers/plain.txt"));
        assertEquals(7, plain.size());
        assertTrue(plain.stream().allMatch(ImportEntry::usable));
        // example_export.txt: five migration links holding six accounts, between comment lines.
        List<ImportEntry> google = LinkReader.read(Fixtures.text("google-migration/example_export.txt"));
        assertEquals(6, google.size());
    }

    @Test
    void keepsGoingPastABadLineAndSaysWhichOne() throws Exception {
        List<ImportEntry> entries = LinkReader.read(
                "otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\r\n\nnot a link\notpauth://totp/B:b?secret=JBSWY3DPEHPK3PXA");
        assertEquals(3, entries.size());
        assertFalse(entries.get(1).usable());
        assertEquals("Line 3", entries.get(1).label());
        assertTrue(entries.get(1).problem().contains("otpauth://"));
    }

    @Test
    void refusesEmptyText() {
        assertThrows(ImportException.class, () -> LinkReader.read("  \n# only a comment\n"));
        assertThrows(ImportException.class, () -> LinkReader.read(null));
    }
}
