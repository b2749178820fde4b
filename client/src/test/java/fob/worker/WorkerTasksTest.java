package fob.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import fob.imports.ImportEntries;
import fob.imports.ImportEntry;
import fob.imports.ImportFile;
import fob.qr.QrEncoder;
import fob.testing.Fixtures;
import fob.text.Language;
import fob.text.Text;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's work on the JVM: its answers carry every entry across unchanged, and its refusals are for people. */
class WorkerTasksTest {
    private static JsonObject answer(String json) throws Exception {
        return JsonParser.object().from(json);
    }

    @Test
    void anEncryptedFileFirstAsksForItsPasswordThenReadsToTheSameEntriesAsTheCore() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.path("aegis-importers/aegis_encrypted.json"));

        JsonObject first = answer(WorkerTasks.readImport(bytes, null, null));
        assertEquals("Aegis", first.getString("format"));
        assertTrue(first.getBoolean("needsPassword"));
        assertFalse(first.has("entries"));

        JsonObject read = answer(WorkerTasks.readImport(bytes, null, "test"));
        List<ImportEntry> crossed = ImportEntries.fromJson(read.getArray("entries"));
        List<ImportEntry> direct = ImportFile.read(
                Files.readAllBytes(Fixtures.path("aegis-importers/aegis_plain.json"))).entries();
        assertEquals(direct.size(), crossed.size());
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(direct.get(i).label(), crossed.get(i).label());
            assertEquals(direct.get(i).account().format(), crossed.get(i).account().format());
            assertEquals(direct.get(i).note(), crossed.get(i).note());
        }
    }

    @Test
    void aWrongPasswordIsAnErrorForPeople() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.path("aegis-importers/2fas_authenticator_encrypted_v4.2fas"));
        JsonObject answer = answer(WorkerTasks.readImport(bytes, null, "not the password"));
        assertTrue(answer.getString("error").startsWith("The password is wrong"), answer.toString());
    }

    @Test
    void textAndUnusableEntriesCrossToo() throws Exception {
        String text = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example\n"
                + "otpauth://totp/Broken?secret=not*base32\n";
        JsonObject answer = answer(WorkerTasks.readImport(null, text, null));
        List<ImportEntry> entries = ImportEntries.fromJson(answer.getArray("entries"));
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).usable());
        assertFalse(entries.get(1).usable());
        assertEquals(ImportFile.read(text).entries().get(1).problem(), entries.get(1).problem());
    }

    @Test
    void garbageIsAnErrorNotAnException() throws Exception {
        JsonObject answer = answer(WorkerTasks.readImport(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}, null, null));
        assertTrue(answer.getString("error").contains("not text"), answer.toString());
    }

    @Test
    void qrCodesItDrawsItReads() {
        String link = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example";
        String bits = WorkerTasks.encodeQr(link);
        int side = (int) Math.round(Math.sqrt(bits.length()));
        assertEquals(side * side, bits.length());
        assertEquals(QrEncoder.encode(link).length, side);

        int scale = 4;
        int quiet = 4 * scale;
        int width = side * scale + 2 * quiet;
        byte[] rgba = new byte[width * width * 4];
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                int mx = (x - quiet) / scale;
                int my = (y - quiet) / scale;
                boolean dark = x >= quiet && y >= quiet && mx < side && my < side && bits.charAt(my * side + mx) == '1';
                int p = (y * width + x) * 4;
                byte value = (byte) (dark ? 0 : 255);
                rgba[p] = value;
                rgba[p + 1] = value;
                rgba[p + 2] = value;
                rgba[p + 3] = (byte) 255;
            }
        }
        assertEquals(link, WorkerTasks.decodeQr(rgba, width, width));
        assertNull(WorkerTasks.decodeQr(new byte[width * width * 4], width, width));
    }

    @Test
    void scryptSettingsBeyondABrowserAreRefusedInWordsForPeople() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkerTasks.scrypt(new byte[1], new byte[16], 3, 8, 1, 32));
        assertEquals("The file asks for scrypt settings Fob will not run (n=3, r=8, p=1)", refused.getMessage());
    }

    @Test
    void whatItGzipsItExpandsAndDamagedDataIsRefused() {
        byte[] data = "the same words again and again and again".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(data, WorkerTasks.gunzip(WorkerTasks.gzip(data), 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> WorkerTasks.gunzip(new byte[] {1, 2, 3}, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> WorkerTasks.gunzip(WorkerTasks.gzip(data), 10),
                "past the limit");
    }

    @Test
    void itSpeaksThePagesLanguageAndEnglishWhenTheCatalogueDoesNotRead() {
        try {
            WorkerTasks.useLanguage("de-AT", "{\"Add\": \"Hinzuf\u00fcgen\"}");
            assertEquals(Language.GERMAN, Text.language());
            assertEquals("Hinzuf\u00fcgen", Text.t("Add"));
            WorkerTasks.useLanguage("de", "not JSON");
            assertEquals(Language.ENGLISH, Text.language());
            assertEquals("Add", Text.t("Add"));
        } finally {
            Text.use(Language.ENGLISH, Collections.emptyMap());
        }
    }
}
