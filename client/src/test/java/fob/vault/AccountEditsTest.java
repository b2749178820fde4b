package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.otp.OtpParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountEditsTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

    private static OtpParameters otp(String link) throws Exception {
        return OtpAuthLink.parse(link).parameters();
    }

    private static AccountEdits.Details details(String issuer, String secret, List<String> groups) throws Exception {
        return new AccountEdits.Details(AccountKind.STANDARD, issuer, " ann ", otp("otpauth://totp/x?secret=" + secret),
                "a note", groups, AccountIcon.AUTOMATIC);
    }

    /** The three accounts of VaultTest, and the groups "Work" (id g1) and "Home" (id g2). */
    private static Vault vault() throws Exception {
        return VaultTest.threeAccounts().addGroup("g1", "Work", 1).addGroup("g2", "Home", 1);
    }

    @Test
    void aNewAccountIsFoundByItsIdAndGoesAtTheEnd() throws Exception {
        Vault before = vault();
        AccountEdits.Edit added = AccountEdits.add(before, details(" Deno ", "DDDDDDDDDDDDDDDD", List.of("g2")), 7);
        Account account = added.account();
        assertEquals("Deno", account.issuer());
        assertEquals("ann", account.name());
        assertEquals("a note", account.note());
        assertEquals(List.of("g2"), account.groups());
        assertEquals(7, account.created());
        assertEquals(account, added.vault().accounts().get(3));
        assertEquals(32, added.accountId().length(), "a random id: " + added.accountId());
        assertEquals(3, before.accounts().size(), "the vault it was given stays as it was");
    }

    @Test
    void theNewAccountIsTheOneAddedEvenWhereTheListIsSortedAnotherWay() throws Exception {
        Vault sorted = vault().withSettings(Settings.DEFAULTS.withSortBy(SortOrder.ISSUER));
        AccountEdits.Edit added = AccountEdits.add(sorted, details("0 first", "DDDDDDDDDDDDDDDD", List.of()), 7);
        assertEquals("0 first", added.account().issuer());
        assertEquals(added.accountId(), SortOrder.ISSUER.sort(added.vault()).get(0).id());
    }

    @Test
    void groupsDeletedWhileTheFormWasOpenAreLeftOut() throws Exception {
        Vault vault = vault().deleteGroup("g1", 5);
        AccountEdits.Details inBoth = details("Deno", "DDDDDDDDDDDDDDDD", List.of("g1", "g2"));
        assertEquals(List.of("g2"), AccountEdits.add(vault, inBoth, 7).account().groups());
        assertEquals(List.of("g2"), AccountEdits.edit(vault, "a", inBoth, 7).account().groups());
    }

    @Test
    void aSecretAlreadyInFobIsRefused() throws Exception {
        VaultException e = assertThrows(VaultException.class,
                () -> AccountEdits.add(vault(), details("Other", "BBBBBBBBBBBBBBBB", List.of()), 7));
        assertTrue(e.getMessage().contains("already in Fob: B (b)"), e.getMessage());
        VaultException edit = assertThrows(VaultException.class,
                () -> AccountEdits.edit(vault(), "a", details("Other", "BBBBBBBBBBBBBBBB", List.of()), 7));
        assertTrue(edit.getMessage().contains("Another account already has this secret key: B (b)"),
                edit.getMessage());
    }

    @Test
    void anEditKeepsTheAccountsIdPlaceAndCreationTime() throws Exception {
        AccountEdits.Details changed = new AccountEdits.Details(AccountKind.WORK_OR_SCHOOL, "B2", "bee",
                otp("otpauth://totp/x?secret=EEEEEEEEEEEEEEEE"), "", List.of("g1"), AccountIcon.LETTER);
        AccountEdits.Edit edit = AccountEdits.edit(vault(), "b", changed, 9);
        Account b = edit.vault().accounts().get(1);
        assertEquals("b", edit.accountId());
        assertEquals(b, edit.account());
        assertEquals("B2", b.issuer());
        assertEquals(AccountKind.WORK_OR_SCHOOL, b.kind());
        assertEquals(AccountIcon.LETTER, b.icon());
        assertEquals(List.of("g1"), b.groups());
        assertEquals(1000, b.created());
        assertEquals(9, b.updated());
    }

    @Test
    void anAccountDeletedMeanwhileCannotBeSaved() throws Exception {
        Vault deleted = vault().remove("b", 5);
        VaultException e = assertThrows(VaultException.class,
                () -> AccountEdits.edit(deleted, "b", details("B", "EEEEEEEEEEEEEEEE", List.of()), 9));
        assertEquals("This account was deleted in the meantime", e.getMessage());
    }

    @Test
    void theDetailsOfACheckedForm() throws Exception {
        AccountForm form = new AccountForm();
        form.issuer = "  GitHub ";
        form.name = "octocat";
        form.secret = "JBSWY3DPEHPK3PXP";
        form.workOrSchool = true;
        AccountForm.Result checked = form.check();
        Account added = AccountEdits.add(Vault.EMPTY, AccountEdits.Details.of(form, checked, List.of(),
                AccountIcon.LETTER), 3).account();
        assertEquals("GitHub", added.issuer());
        assertEquals(AccountKind.WORK_OR_SCHOOL, added.kind());
        assertEquals(checked.otp(), added.otp());
        assertEquals(AccountIcon.LETTER, added.icon());
        form.secret = "";
        assertThrows(IllegalArgumentException.class, () -> AccountEdits.Details.of(form, form.check(), List.of(),
                AccountIcon.AUTOMATIC));
    }

    @Test
    void accountsAddedFromALinkGoInTheChosenGroupsAndOneTakesTheChosenIcon() throws Exception {
        AccountIcon own = AccountIcon.image(PNG);
        Vault two = AccountEdits.chooseForAdded(vault().deleteGroup("g2", 2), List.of("a", "c"),
                List.of("g1", "g2"), own, 9);
        assertEquals(List.of("g1"), two.find("a").groups());
        assertEquals(List.of("g1"), two.find("c").groups());
        assertEquals(AccountIcon.AUTOMATIC, two.find("a").icon(), "one icon fits one issuer, not several");
        assertEquals(List.of(), two.find("b").groups());
        Vault one = AccountEdits.chooseForAdded(vault(), List.of("b"), List.of(), own, 9);
        assertEquals(own, one.find("b").icon());
        Vault lettered = vault().replace(vault().find("a").withIcon(AccountIcon.LETTER, 2));
        assertEquals(AccountIcon.LETTER, AccountEdits.chooseForAdded(lettered, List.of("a"), List.of(),
                AccountIcon.AUTOMATIC, 9).find("a").icon(), "no icon chosen: the account keeps its own");
    }

    @Test
    void aPlaceholderIsFinishedOnlyByItsOwnAccount() throws Exception {
        Account work = Account.fromLink("w", OtpAuthLink.parse("otpauth://totp/Contoso:ann?secret=AAAAAAAAAAAAAAAA"),
                AccountKind.WORK_OR_SCHOOL, 1).asPlaceholder();
        Vault vault = Vault.EMPTY.add(work);
        VaultException other = assertThrows(VaultException.class, () -> AccountEdits.finishSetup(vault, "w",
                OtpAuthLink.parse("otpauth://totp/Fabrikam:ann?secret=BBBBBBBBBBBBBBBB"), 2));
        assertTrue(other.getMessage().contains("This code is for Fabrikam (ann), not for Contoso (ann)"),
                other.getMessage());
        OtpAuthLink own = OtpAuthLink.parse("otpauth://totp/contoso:%20Ann%20?secret=BBBBBBBBBBBBBBBB");
        AccountEdits.Edit done = AccountEdits.finishSetup(vault, "w", own, 2);
        assertEquals("w", done.accountId());
        assertEquals(own.parameters(), done.account().otp());
        assertEquals("Contoso", done.account().issuer(), "the placeholder keeps its own names");
        VaultException again = assertThrows(VaultException.class,
                () -> AccountEdits.finishSetup(done.vault(), "w", own, 3));
        assertEquals("That account needs no setup", again.getMessage());
    }

    @Test
    void nextCodeMovesAnHotpCounterOnByOne() throws Exception {
        Vault vault = vault();
        AccountEdits.Edit next = AccountEdits.nextCode(vault, "c", 9);
        assertEquals(4, next.account().otp().counter());
        assertEquals(9, next.account().updated());
        assertNotEquals(vault.find("c").otp().codeAt(0), next.account().otp().codeAt(0));
        assertEquals(5, AccountEdits.nextCode(next.vault(), "c", 10).account().otp().counter());
    }

    @Test
    void nextCodeLeavesATimeBasedAccountAsItIsAndRefusesOneDeleted() throws Exception {
        Vault vault = vault();
        assertSame(vault, AccountEdits.nextCode(vault, "a", 9).vault(), "a TOTP account has no counter");
        VaultException gone = assertThrows(VaultException.class,
                () -> AccountEdits.nextCode(vault.remove("c", 5), "c", 9));
        assertEquals("That account is no longer in Fob", gone.getMessage());
    }

    @Test
    void aCopiedCodeIsRememberedForRecentlyUsedUnlessItsAccountIsGone() throws Exception {
        Vault vault = vault();
        assertEquals(java.util.Map.of("b", 9L), AccountEdits.copied(vault, "b", 9).usedAt());
        Vault deleted = vault.remove("b", 5);
        assertSame(deleted, AccountEdits.copied(deleted, "b", 9));
    }

    @Test
    void nextCodeStopsAtTheLargestCounter() throws Exception {
        Vault vault = Vault.EMPTY.add(VaultTest.account("h",
                "otpauth://hotp/H:h?secret=CCCCCCCCCCCCCCCC&counter=" + OtpParameters.MAX_COUNTER));
        VaultException e = assertThrows(VaultException.class, () -> AccountEdits.nextCode(vault, "h", 9));
        assertTrue(e.getMessage().startsWith("The counter must be a whole number"), e.getMessage());
    }
}
