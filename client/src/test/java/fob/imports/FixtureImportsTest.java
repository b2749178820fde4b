package fob.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.codec.Base32;
import fob.crypto.BouncyCastleAead;
import fob.link.OtpAuthLink;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import fob.testing.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every export in ../shared/fixtures/aegis-importers imports to the accounts of the fixtures' README, except
 * where an app itself changed them on export (each difference is named below).
 */
class FixtureImportsTest {
    /** The README's accounts, by secret. */
    private static List<OtpAuthLink> table() throws Exception {
        List<OtpAuthLink> accounts = new ArrayList<>();
        for (String link : Fixtures.accountLinks()) {
            accounts.add(OtpAuthLink.parse(link));
        }
        return accounts;
    }

    private static OtpAuthLink expected(OtpAuthLink imported) throws Exception {
        for (OtpAuthLink account : table()) {
            if (account.parameters().sameCredentialAs(imported.parameters())
                    || java.util.Arrays.equals(account.parameters().secret(), imported.parameters().secret())) {
                return account;
            }
        }
        throw new AssertionError("no README account has the secret of " + imported);
    }

    /** As the 2FAS schema-1 export writes every account: only its secret, so TOTP with the defaults. */
    private static OtpAuthLink defaultTotp(OtpAuthLink link) {
        try {
            return new OtpAuthLink(link.issuer(), link.name(), OtpParameters.of(OtpType.TOTP,
                    fob.otp.HashAlgorithm.SHA1, 6, 30, 0, link.parameters().secret()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UnaryOperator<OtpAuthLink> adjustment(String file) {
        switch (file) {
            case "2fas_authenticator.json":
                return FixtureImportsTest::defaultTotp;
            case "bitwarden.json":
                // Bitwarden keeps a steam:// secret under the item's own name ("Test Steam").
                return link -> link.parameters().type() == OtpType.STEAM
                        ? new OtpAuthLink("Test Steam", "", link.parameters()) : link;
            case "steam.json":
                return link -> new OtpAuthLink("Steam", link.name(), link.parameters());
            default:
                return link -> link;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain.txt|Links|7|",
        "ente_auth.txt|Links|7|",
        "aegis_plain.json|Aegis|7|",
        "aegis_plain_grouped_v2.json|Aegis|7|",
        "aegis_encrypted.json|Aegis|7|test",
        "andotp_plain.json|andOTP|7|",
        "bitwarden.json|Bitwarden|4|",
        "freeotp_plus.json|FreeOTP+|6|",
        "proton_authenticator.json|Proton Authenticator|3|",
        "2fas_authenticator.json|2FAS|6|",
        "2fas_authenticator_plain_v4.2fas|2FAS|5|",
        "2fas_authenticator_encrypted_v4.2fas|2FAS|5|test",
        "steam.json|Steam|1|"})
    void importsTheReadmesAccounts(String file, String format, int count, String password) throws Exception {
        ImportFile imported = ImportFile.read(Files.readAllBytes(Fixtures.path("aegis-importers/" + file)));
        assertEquals(format, imported.format());
        assertEquals(password != null, imported.needsPassword());
        List<ImportEntry> entries = password == null ? imported.entries()
                : imported.decrypt(password, new BouncyCastleKdf(), new BouncyCastleAead());
        assertEquals(count, entries.size());
        UnaryOperator<OtpAuthLink> adjust = adjustment(file);
        for (ImportEntry entry : entries) {
            assertTrue(entry.usable(), file + ": " + entry.label() + ": " + entry.problem());
            OtpAuthLink want = adjust.apply(expected(entry.account()));
            OtpAuthLink got = entry.account();
            assertEquals(want.issuer(), got.issuer(), file);
            assertEquals(want.name(), got.name(), file);
            assertEquals(want.parameters(), got.parameters(), file + " " + want.displayName());
            assertEquals(Base32.encode(want.parameters().secret()), Base32.encode(got.parameters().secret()));
        }
    }

    @ParameterizedTest
    @CsvSource({"aegis_encrypted.json", "2fas_authenticator_encrypted_v4.2fas"})
    void aWrongPasswordSaysSo(String file) throws Exception {
        ImportFile imported = ImportFile.read(Files.readAllBytes(Fixtures.path("aegis-importers/" + file)));
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> imported.decrypt("wrong", new BouncyCastleKdf(), new BouncyCastleAead()));
        assertTrue(e.getMessage().startsWith("The password is wrong"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> imported.decrypt("", new BouncyCastleKdf(), new BouncyCastleAead()));
    }

    @ParameterizedTest
    @CsvSource({"aegis_plain.json", "aegis_encrypted.json", "2fas_authenticator_plain_v4.2fas",
        "2fas_authenticator_encrypted_v4.2fas", "bitwarden.json", "freeotp_plus.json", "andotp_plain.json",
        "proton_authenticator.json", "steam.json"})
    void aTruncatedFileIsRefusedWithAReason(String file) throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("aegis-importers/" + file));
        for (int cut : new int[] {whole.length / 3, whole.length / 2, whole.length - 3}) {
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> {
                ImportFile read = ImportFile.read(truncated);
                if (read.needsPassword()) {
                    read.decrypt("test", new BouncyCastleKdf(), new BouncyCastleAead());
                }
            }, file + " cut at " + cut);
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isEmpty());
        }
    }
}
