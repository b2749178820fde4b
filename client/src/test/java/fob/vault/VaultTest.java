package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VaultTest {
    static Account account(String id, String link) throws Exception {
        return Account.fromLink(id, OtpAuthLink.parse(link), AccountKind.STANDARD, 1000);
    }

    static Vault threeAccounts() throws Exception {
        return Vault.EMPTY
                .add(account("a", "otpauth://totp/A:a?secret=AAAAAAAAAAAAAAAA"))
                .add(account("b", "otpauth://totp/B:b?secret=BBBBBBBBBBBBBBBB"))
                .add(account("c", "otpauth://hotp/C:c?secret=CCCCCCCCCCCCCCCC&counter=3"));
    }

    private static List<String> ids(Vault vault) {
        return vault.accounts().stream().map(Account::id).collect(Collectors.toList());
    }

    @Test
    void changesMakeNewVaultsAndLeaveTheOldOneAlone() throws Exception {
        Vault before = threeAccounts();
        Vault after = before.remove("b", 5);
        assertEquals(List.of("a", "b", "c"), ids(before));
        assertEquals(List.of("a", "c"), ids(after));
    }

    @Test
    void aDeletionLeavesATombstone() throws Exception {
        Vault vault = threeAccounts().remove("b", 1234);
        assertEquals(java.util.Map.of("b", 1234L), vault.tombstones());
        assertEquals(vault, VaultJson.read(VaultJson.write(vault)));
    }

    @Test
    void dragAndDropPutsTheAccountInThePlaceDroppedOn() throws Exception {
        Vault vault = threeAccounts();
        assertEquals(List.of("c", "a", "b"), ids(vault.moveTo("c", 0, 5)));
        assertEquals(List.of("b", "c", "a"), ids(vault.moveTo("a", 2, 5)));
        assertEquals(5, vault.moveTo("a", 2, 5).orderedAt(), "a reorder, which merges take as such");
        assertEquals(vault, vault.moveTo("b", 1, 5), "dropped where it was: nothing changes");
        assertThrows(VaultException.class, () -> vault.moveTo("a", 3, 5));
        assertThrows(VaultException.class, () -> vault.moveTo("a", -1, 5));
    }

    @Test
    void movesUpAndDownButNotPastTheEnds() throws Exception {
        Vault vault = threeAccounts();
        assertEquals(List.of("b", "a", "c"), ids(vault.move("b", -1, 5)));
        assertEquals(List.of("a", "c", "b"), ids(vault.move("b", 1, 5)));
        assertThrows(VaultException.class, () -> vault.move("a", -1, 5));
        assertThrows(VaultException.class, () -> vault.move("c", 1, 5));
    }

    @Test
    void refusesTheSameSecretTwice() throws Exception {
        VaultException e = assertThrows(VaultException.class,
                () -> threeAccounts().add(account("d", "otpauth://totp/Other:x?secret=aaaa%20aaaa%20aaaa%20aaaa")));
        assertTrue(e.getMessage().contains("already in Fob: A (a)"), e.getMessage());
    }

    @Test
    void refusesUnknownIds() throws Exception {
        Vault vault = threeAccounts();
        assertThrows(VaultException.class, () -> vault.remove("zzz", 5));
        assertThrows(VaultException.class, () -> vault.move("zzz", 1, 5));
    }

    @Test
    void searchLooksAtIssuerNameAndNote() throws Exception {
        Account a = account("a", "otpauth://totp/GitHub:octocat?secret=AAAAAAAAAAAAAAAA")
                .edited(AccountKind.STANDARD, "GitHub", "octocat", null, "work laptop", 2000);
        assertTrue(a.matches("git"));
        assertTrue(a.matches("OCTO"));
        assertTrue(a.matches("laptop"));
        assertTrue(a.matches(""));
        assertEquals(false, a.matches("gitlab"));
    }

    @Test
    void settingsTravelWithTheVault() throws Exception {
        Settings hide = Settings.DEFAULTS.withHideCodesWhenHidden(true);
        Vault vault = threeAccounts().withSettings(hide);
        assertSame(hide, vault.settings());
        assertSame(hide, vault.remove("a", 5).settings());
    }
}
