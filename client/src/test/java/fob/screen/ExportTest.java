package fob.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.BackupCodec;
import fob.backup.GzipCompression;
import fob.crypto.BouncyCastleAead;
import fob.imports.ImportException;
import fob.kdf.Argon2id;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import fob.worker.WorkerTasks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String WWE = "otpauth://hotp/WWE:Bob?secret=BBBBBBBBBBBBBBBB&issuer=WWE&counter=3";
    private static final String WORK = "otpauth://totp/Contoso:ann?secret=CCCCCCCCCCCCCCCC&issuer=Contoso";

    /** Deno, a placeholder of a work account, and WWE, in this order. */
    private static Vault vault() throws Exception {
        return Vault.EMPTY.add(account("d", DENO, AccountKind.STANDARD))
                .add(account("w", WORK, AccountKind.WORK_OR_SCHOOL).asPlaceholder())
                .add(account("h", WWE, AccountKind.STANDARD));
    }

    private static Account account(String id, String link, AccountKind kind) throws Exception {
        return Account.fromLink(id, OtpAuthLink.parse(link), kind, 1);
    }

    @Test
    void theLinksFileHoldsALinkPerAccountWithASecret() throws Exception {
        String links = Export.links(vault());
        assertEquals(List.of("Deno:Mason", "WWE:Bob"), labels(links));
        assertTrue(links.endsWith("\n"));
        assertEquals(OtpAuthLink.parse(WWE).parameters(), OtpAuthLink.parse(links.split("\n")[1]).parameters());
        assertEquals(List.of("d", "h"), Export.withSecrets(vault()).stream().map(Account::id).toList());
        assertEquals("Saved 2 links. Delete the file once you are done with it.", Export.linksSaved(2));
    }

    private static List<String> labels(String links) throws Exception {
        List<String> labels = new ArrayList<>();
        for (String line : links.split("\n")) {
            OtpAuthLink link = OtpAuthLink.parse(line);
            labels.add(link.issuer() + ":" + link.name());
        }
        return labels;
    }

    @Test
    void anEmptyVaultAndAShortOrMistypedPasswordAreRefused() throws Exception {
        assertEquals("There are no accounts to export", Export.refusal(Vault.EMPTY));
        assertNull(Export.refusal(vault()));
        assertEquals("Choose a password of at least 8 characters", Export.passwordProblem("1234567", "1234567"));
        assertEquals("The two passwords differ", Export.passwordProblem("12345678", "12345679"));
        assertNull(Export.passwordProblem("12345678", "12345678"));
    }

    @Test
    void theFilesAreNamedByTheDay() {
        assertEquals("fob-links-2025-01-31.txt", Export.linksFileName("2025-01-31"));
        assertEquals("fob-export-2025-01-31.json", Export.encryptedFileName("2025-01-31"));
    }

    @Test
    void theEncryptedFileOpensWithItsPasswordOnly() throws Exception {
        byte[] salt = new byte[16];
        salt[0] = 7;
        List<String> asked = new ArrayList<>();
        String file = Export.encrypted(new BackupCodec(new BouncyCastleAead(), null, GzipCompression.INSTANCE), salt,
                (password, givenSalt, memoryKiB, iterations, parallelism) -> {
                    asked.add(memoryKiB + "/" + iterations + "/" + parallelism);
                    assertArrayEquals(salt, givenSalt);
                    return Argon2id.derive(password, givenSalt, memoryKiB, iterations, parallelism, 32);
                }, "correct horse", vault(), 5);
        assertEquals(List.of("65536/3/1"), asked, "the export setting of docs/formats.md");
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        String refused = assertThrows(ImportException.class,
                () -> ImportPreview.of(WorkerTasks.readImport(bytes, null, "wrong horse"), Vault.EMPTY)).getMessage();
        assertTrue(refused.toLowerCase().contains("password"), refused);
        ImportPreview opened = ImportPreview.of(WorkerTasks.readImport(bytes, null, "correct horse"), Vault.EMPTY);
        assertEquals(3, opened.plan().lines().size());
        assertEquals(List.of(0, 2), opened.importable(), "a work account's secret stays on its devices");
        Vault imported = opened.plan().apply(Vault.EMPTY, opened.importable(), 9);
        assertEquals(List.of("Deno", "WWE"), imported.accounts().stream().map(Account::issuer).toList());
        assertEquals(OtpAuthLink.parse(WWE).parameters(), imported.accounts().get(1).otp());
    }

    @Test
    void theSaltIsSixteenBytes() {
        assertThrows(IllegalArgumentException.class, () -> Export.encrypted(new BackupCodec(new BouncyCastleAead()),
                new byte[8], (password, salt, memoryKiB, iterations, parallelism) -> new byte[32], "12345678",
                Vault.EMPTY, 1));
    }
}
