package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountFilter;
import fob.vault.AccountKind;
import fob.vault.Settings;
import fob.vault.SortOrder;
import fob.vault.Vault;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccountListTest {
    private static Vault vault() throws Exception {
        Vault vault = Vault.EMPTY.addGroup("g", "Work", 1);
        for (String link : new String[] {"otpauth://totp/Zed:z?secret=AAAAAAAAAAAAAAAA",
            "otpauth://totp/Bee:b?secret=BBBBBBBBBBBBBBBB", "otpauth://totp/Ant:a?secret=CCCCCCCCCCCCCCCC"}) {
            OtpAuthLink parsed = OtpAuthLink.parse(link);
            vault = vault.add(Account.fromLink(parsed.issuer(), parsed, AccountKind.STANDARD, 1));
        }
        return vault.setGroups("Bee", List.of("g"), 2);
    }

    private static List<String> shown(AccountList list) {
        return list.accounts().stream().filter(list::shows).map(Account::id).collect(Collectors.toList());
    }

    @Test
    void inThePersonsOwnOrderRowsCanMove() throws Exception {
        AccountList list = AccountList.of(vault(), AccountFilter.ALL);
        assertEquals(List.of("Zed", "Bee", "Ant"), shown(list));
        assertTrue(list.place(1).movable());
        assertTrue(list.place(2).last());
    }

    @Test
    void sortedByIssuerRowsCannotMove() throws Exception {
        Vault vault = vault();
        AccountList list = AccountList.of(vault.withSettings(Settings.DEFAULTS.withSortBy(SortOrder.ISSUER)),
                AccountFilter.ALL);
        assertEquals(List.of("Ant", "Bee", "Zed"), shown(list));
        assertFalse(list.place(0).movable());
    }

    @Test
    void theFilterLetsThroughTheSearchedAndTheGroupsAccounts() throws Exception {
        AccountList list = AccountList.of(vault(), AccountFilter.ALL.inGroup("g"));
        assertEquals(List.of("Bee"), shown(list));
        assertEquals(List.of("Zed"), shown(list.filtered(AccountFilter.ALL.withQuery("ze"))));
        assertEquals(List.of(), shown(list.filtered(list.filter().withQuery("ze"))));
    }

    @Test
    void aGroupThatIsGoneShowsAll() throws Exception {
        Vault vault = vault().deleteGroup("g", 3);
        AccountList list = AccountList.of(vault, AccountFilter.ALL.inGroup("g"));
        assertNull(list.filter().groupId());
        assertEquals(3, shown(list).size());
    }

    @Test
    void nothingMatchesIsSaidOnlyOnceEveryRowIsBuilt() throws Exception {
        AccountList list = AccountList.of(vault(), AccountFilter.ALL.withQuery("nothing"));
        assertFalse(list.saysNothingMatches(2, 0), "a chunk is still to come");
        assertTrue(list.saysNothingMatches(3, 0));
        assertFalse(list.saysNothingMatches(3, 1));
        assertEquals("No account matches your search.", list.nothingMatches());
        AccountList empty = AccountList.of(Vault.EMPTY, AccountFilter.ALL.withQuery("nothing"));
        assertTrue(empty.isEmpty());
        assertFalse(empty.saysNothingMatches(0, 0), "an empty vault says how to add an account instead");
    }
}
