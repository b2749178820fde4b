package fob.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.BackupCodec;
import fob.backup.BackupPayload;
import fob.crypto.BouncyCastleAead;
import fob.link.OtpAuthLink;
import fob.testing.Fixtures;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Settings;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportFileTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty",
        "'{'|looks like JSON",
        "'{\"hello\": 1}'|does not recognise this JSON",
        "'[1, 2]'|does not recognise this JSON",
        "'just some words'|Line 1",
        "'{\"items\": [], \"encrypted\": true}'|Bitwarden export is encrypted",
        "'{\"header\": {}, \"db\": 5}'|Aegis file is damaged"})
    void refusesWhatItCannotReadSayingWhy(String text, String reason) {
        Exception e = assertThrows(Exception.class, () -> {
            ImportFile file = ImportFile.read(text);
            if (!file.needsPassword() && !file.entries().stream().allMatch(ImportEntry::usable)) {
                throw new ImportException(file.entries().get(0).label() + ": " + file.entries().get(0).problem());
            }
        });
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void binaryFilesAreNotMistakenForText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte) 0xff};
        ImportException e = assertThrows(ImportException.class, () -> ImportFile.read(png));
        assertTrue(e.getMessage().contains("not text"), e.getMessage());
    }

    @Test
    void aFobExportRoundTripsToTheSameAccounts() throws Exception {
        List<Account> accounts = new ArrayList<>();
        int i = 0;
        for (String link : Fixtures.accountLinks()) {
            AccountKind kind = i == 2 ? AccountKind.WORK_OR_SCHOOL : AccountKind.STANDARD;
            accounts.add(Account.fromLink("id" + i, OtpAuthLink.parse(link), kind, 1000 + i)
                    .edited(kind, OtpAuthLink.parse(link).issuer(), OtpAuthLink.parse(link).name(),
                            OtpAuthLink.parse(link).parameters(), "note " + i, 2000 + i));
            i++;
        }
        Vault vault = new Vault(accounts, Settings.DEFAULTS);
        BackupCodec codec = new BackupCodec(new BouncyCastleAead());
        byte[] key = codec.newVaultKey();
        byte[] salt = codec.newRecoveryCode();
        byte[] passwordKey = new BouncyCastleKdf().argon2id("correct horse".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(salt, 16), 64, 1, 1, 32);
        String export = codec.seal(key, List.of(codec.passwordSlot(key, passwordKey, 64, 1, 1,
                java.util.Arrays.copyOf(salt, 16))), BackupPayload.export(vault, 5).toBytes()).toJson();

        ImportFile file = ImportFile.read(export);
        assertEquals("Fob", file.format());
        assertTrue(file.needsPassword());
        assertThrows(ImportException.class, () -> file.decrypt("wrong", new BouncyCastleKdf(), new BouncyCastleAead()));
        List<ImportEntry> entries = file.decrypt("correct horse", new BouncyCastleKdf(), new BouncyCastleAead());
        ImportPlan plan = ImportPlan.of(Vault.EMPTY, entries);
        List<Integer> all = new ArrayList<>();
        for (int n = 0; n < plan.lines().size(); n++) {
            all.add(n);
        }
        Vault imported = plan.apply(Vault.EMPTY, all, 99);
        assertEquals(vault.accounts(), imported.accounts(), "ids, kinds, notes, times and order all come back");
        ImportPlan again = ImportPlan.of(imported, entries);
        assertEquals(entries.size(), again.count(ImportPlan.Outcome.ALREADY_PRESENT));
    }

    @Test
    void thePreviewSaysWhatWillHappenToEachEntry() throws Exception {
        Vault vault = Vault.EMPTY.add(Account.fromLink("x", OtpAuthLink.parse(
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ"), AccountKind.STANDARD, 1));
        String text = Fixtures.text("aegis-importers/plain.txt") + "\notpauth://totp/Broken?secret=1\n"
                + "otpauth://totp/Again:x?secret=JBSWY3DPEHPK3PXP\notpauth://totp/Twice:y?secret=JBSWY3DPEHPK3PXP";
        ImportPlan plan = ImportPlan.of(vault, ImportFile.read(text).entries());
        List<String> verdicts = new ArrayList<>();
        plan.lines().forEach(line -> verdicts.add(line.entry.label() + ": " + line.verdict()));
        assertEquals("Deno (Mason): Already in Fob", verdicts.get(0));
        assertEquals("SPDX (James): Add", verdicts.get(1));
        assertTrue(verdicts.get(7).startsWith("Line 9: Cannot import: The secret is not valid base32"), verdicts.get(7));
        assertEquals("Twice (y): Already in Fob", verdicts.get(9), "the same secret twice in one file");
        assertEquals(7, plan.count(ImportPlan.Outcome.ADD));
        assertThrows(fob.vault.VaultException.class, () -> plan.apply(vault, List.of(1, 0), 5),
                "choosing a line that cannot be added adds nothing");
        Vault after = plan.apply(vault, List.of(1, 2), 5);
        assertEquals(3, after.accounts().size());
    }
}
