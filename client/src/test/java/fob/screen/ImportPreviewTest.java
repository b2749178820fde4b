package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.link.OtpAuthLink;
import fob.testing.Fixtures;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import fob.worker.WorkerTasks;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportPreviewTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String WWE = "otpauth://hotp/WWE:Bob?secret=BBBBBBBBBBBBBBBB&issuer=WWE&counter=3";

    private static Vault withDeno() throws Exception {
        return Vault.EMPTY.add(Account.fromLink("d", OtpAuthLink.parse(DENO), AccountKind.STANDARD, 1));
    }

    /** The worker's answer for pasted text, read as the page reads it. */
    private static ImportPreview previewOf(String text, Vault vault) throws ImportException {
        return ImportPreview.of(WorkerTasks.readImport(null, text, null), vault);
    }

    @Test
    void theLinesThatAreNewCanBeImportedTheOthersNot() throws Exception {
        ImportPreview preview = previewOf(DENO + "\n" + WWE + "\notpauth://totp/x?secret=1", withDeno());
        assertFalse(preview.needsPassword());
        assertFalse(preview.canImport(0), "Deno is in Fob already");
        assertTrue(preview.canImport(1));
        assertFalse(preview.canImport(2), "it cannot be read");
        assertEquals(List.of(1), preview.importable());
        assertTrue(preview.summary(12).endsWith(": 3 accounts read in 12 ms. 1 to add, 1 already in Fob, 1 that"
                + " cannot be imported."), preview.summary(12));
    }

    @Test
    void onlyLinesThatCanBeImportedAreImportedAndAtLeastOne() throws Exception {
        ImportPreview preview = previewOf(DENO + "\n" + WWE, withDeno());
        assertEquals(List.of(1), preview.chosen(List.of(0, 1)));
        assertEquals("Choose at least one account to import",
                assertThrows(ImportException.class, () -> preview.chosen(List.of(0))).getMessage());
        assertThrows(ImportException.class, () -> preview.chosen(List.of()));
        Vault imported = preview.plan().apply(withDeno(), preview.chosen(List.of(0, 1)), 5);
        assertEquals(2, imported.accounts().size());
    }

    @Test
    void anEncryptedFileAsksForItsPassword() throws Exception {
        byte[] file = Files.readAllBytes(Fixtures.path("aegis-importers/aegis_encrypted.json"));
        ImportPreview locked = ImportPreview.of(WorkerTasks.readImport(file, null, null), Vault.EMPTY);
        assertTrue(locked.needsPassword());
        assertEquals("This Aegis file is encrypted: enter its password, then Preview.", locked.passwordPrompt(false));
        assertEquals("Enter the password of this Aegis file.", locked.passwordPrompt(true));
        assertEquals("Aegis", locked.format());
    }

    @Test
    void theWorkersErrorIsShownAsItIs() {
        assertEquals("No accounts here", assertThrows(ImportException.class,
                () -> ImportPreview.of("{\"error\": \"No accounts here\"}", Vault.EMPTY)).getMessage());
        String garbled = assertThrows(ImportException.class, () -> ImportPreview.of("{", Vault.EMPTY)).getMessage();
        assertTrue(garbled.startsWith("Fob's worker gave an answer it cannot read"), garbled);
    }

    @Test
    void somethingMustBeChosenPastedOrScanned() throws Exception {
        assertEquals("Choose a file, paste text, or scan a QR code first", assertThrows(ImportException.class,
                () -> ImportPreview.requireInput(null, " \n")).getMessage());
        ImportPreview.requireInput(new byte[0], "");
        ImportPreview.requireInput(null, DENO);
    }

    @Test
    void eachScannedCodeGoesOnALineOfItsOwnOnce() {
        assertEquals(DENO, ImportPreview.withScanned("  ", DENO));
        assertEquals(DENO + "\n" + WWE, ImportPreview.withScanned(DENO + "\n", WWE));
        assertEquals(DENO + "\n" + WWE, ImportPreview.withScanned(DENO + "\n" + WWE, DENO));
    }

    @Test
    void sourceImagesAreDrawnAnewExceptSvg() throws Exception {
        ImportEntry plain = ImportEntry.of(OtpAuthLink.parse(DENO));
        assertFalse(ImportPreview.drawsIcon(plain));
        assertTrue(ImportPreview.drawsIcon(plain.withIconImage(new byte[] {1, 2}, "image/png")));
        assertFalse(ImportPreview.drawsIcon(plain.withIconImage(new byte[] {1, 2}, "image/svg+xml")));
    }

    @Test
    void theToastCountsTheAccountsImported() {
        assertEquals("Imported 1 account.", ImportPreview.imported(1));
        assertEquals("Imported 3 accounts.", ImportPreview.imported(3));
    }
}
