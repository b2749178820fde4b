package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountIcon;
import fob.vault.AccountKind;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddFromLinkTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String WWE = "otpauth://hotp/WWE:Bob?secret=BBBBBBBBBBBBBBBB&issuer=WWE&counter=3";

    @Test
    void aQrCodeThatIsNoLinkIsNamedByItsText() {
        assertNull(AddFromLink.qrProblem(DENO));
        assertNull(AddFromLink.qrProblem("OTPAUTH-MIGRATION://offline?data=x"));
        String problem = AddFromLink.qrProblem("https://example.com/");
        assertTrue(problem.startsWith("This QR code does not hold an account (it reads \u201chttps://example.com/"
                + "\u201d)."), problem);
        String long80 = "x".repeat(80);
        assertTrue(AddFromLink.qrProblem(long80).contains("\u201c" + "x".repeat(60) + "…\u201d"),
                AddFromLink.qrProblem(long80));
    }

    @Test
    void blankTextAndALinkThatCannotBeUsedAreRefusedAtOnce() throws Exception {
        assertEquals("Paste the otpauth:// link that the service gave you",
                assertThrows(ImportException.class, () -> AddFromLink.entries("  \n")).getMessage());
        String broken = assertThrows(ImportException.class,
                () -> AddFromLink.entries("otpauth://totp/x?secret=1")).getMessage();
        assertTrue(broken.contains("secret"), broken);
        assertEquals(2, AddFromLink.entries(DENO + "\notpauth://totp/x?secret=1").size(),
                "among several, one that cannot be used is reported when adding");
    }

    @Test
    void finishingSetupTakesOneLinkOnly() throws Exception {
        Account placeholder = Account.fromLink("p", OtpAuthLink.parse(DENO), AccountKind.WORK_OR_SCHOOL, 1)
                .asPlaceholder();
        List<ImportEntry> two = AddFromLink.entries(DENO + "\n" + WWE);
        assertEquals("Scan or paste the code of Deno (Mason) only", assertThrows(ImportException.class,
                () -> AddFromLink.forPlaceholder(two, placeholder)).getMessage());
        assertEquals(OtpAuthLink.parse(DENO).format(),
                AddFromLink.forPlaceholder(AddFromLink.entries(DENO), placeholder).format());
    }

    @Test
    void addsWhatIsNewAndShowsTheFirstAccountAdded() throws Exception {
        Vault start = Vault.EMPTY.addGroup("g", "Work", 1);
        start = AddFromLink.add(start, AddFromLink.entries(DENO), AccountKind.STANDARD, List.of(),
                AccountIcon.AUTOMATIC, 2).vault();
        AddFromLink.Added added = AddFromLink.add(start, AddFromLink.entries(DENO + "\n" + WWE),
                AccountKind.WORK_OR_SCHOOL, List.of("g", "gone"), AccountIcon.LETTER, 3);
        Account wwe = added.vault().find(added.firstId());
        assertEquals("WWE", wwe.issuer(), "Deno was in Fob already");
        assertEquals(AccountKind.WORK_OR_SCHOOL, wwe.kind());
        assertEquals(List.of("g"), wwe.groups());
        assertEquals(AccountIcon.LETTER, wwe.icon(), "one account was added: it takes the icon chosen");
        assertEquals("Added WWE (Bob). Already in Fob: Deno (Mason).", added.summary());
        assertEquals(2, added.vault().accounts().size());
    }

    @Test
    void severalAccountsAddedKeepTheirIcons() throws Exception {
        AddFromLink.Added added = AddFromLink.add(Vault.EMPTY, AddFromLink.entries(DENO + "\n" + WWE),
                AccountKind.STANDARD, List.of(), AccountIcon.LETTER, 3);
        assertEquals("Deno", added.vault().find(added.firstId()).issuer());
        for (Account account : added.vault().accounts()) {
            assertEquals(AccountIcon.AUTOMATIC, account.icon(), "one icon fits one issuer");
        }
    }

    @Test
    void nothingNewIsRefusedWithWhatHappenedToEachLink() throws Exception {
        Vault once = AddFromLink.add(Vault.EMPTY, AddFromLink.entries(DENO), AccountKind.STANDARD, List.of(),
                AccountIcon.AUTOMATIC, 2).vault();
        VaultException again = assertThrows(VaultException.class, () -> AddFromLink.add(once,
                AddFromLink.entries(DENO), AccountKind.STANDARD, List.of(), AccountIcon.AUTOMATIC, 3));
        assertEquals("Nothing was added. Already in Fob: Deno (Mason).", again.getMessage());
    }
}
