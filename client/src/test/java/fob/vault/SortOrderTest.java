package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.link.OtpAuthLink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortOrderTest {
    private static Account account(String id, String issuer, String name, String secret) throws Exception {
        return Account.fromLink(id, OtpAuthLink.parse("otpauth://totp/" + issuer + ":" + name + "?secret=" + secret),
                AccountKind.STANDARD, 1);
    }

    private static Vault vault() throws Exception {
        return new Vault(List.of(account("1", "github", "zoe", "AAAAAAAAAAAAAAAA"),
                account("2", "Amazon", "bob", "BBBBBBBBBBBBBBBB"), account("3", "GitHub", "ann", "CCCCCCCCCCCCCCCC"),
                account("4", "Zulip", "Carl", "DDDDDDDDDDDDDDDD")), Settings.DEFAULTS);
    }

    private static List<String> ids(List<Account> accounts) {
        List<String> ids = new ArrayList<>();
        for (Account account : accounts) {
            ids.add(account.id());
        }
        return ids;
    }

    @Test
    void eachOrder() throws Exception {
        Vault vault = vault();
        assertEquals(List.of("1", "2", "3", "4"), ids(SortOrder.MANUAL.sort(vault)));
        assertEquals(List.of("2", "3", "1", "4"), ids(SortOrder.ISSUER.sort(vault)), "any case; then by name");
        assertEquals(List.of("3", "2", "4", "1"), ids(SortOrder.ACCOUNT_NAME.sort(vault)));
        Vault used = vault.used("3", 100).used("2", 200).used("3", 300);
        assertEquals(List.of("3", "2", "1", "4"), ids(SortOrder.RECENTLY_USED.sort(used)),
                "copied last first, then the never copied in the person's order");
    }

    @Test
    void aTimeOfUseGoesWithItsAccount() throws Exception {
        Vault used = vault().used("3", 100).used("2", 200);
        Vault removed = used.remove("3", 300).used("1", 400);
        assertEquals(List.of("1", "2"), new ArrayList<>(new java.util.TreeSet<>(removed.usedAt().keySet())));
    }

    @Test
    void anUnknownOrderFromANewerFobIsTheManualOne() {
        assertEquals(SortOrder.MANUAL, SortOrder.fromJsonName("by-colour"));
        for (SortOrder order : SortOrder.values()) {
            assertEquals(order, SortOrder.fromJsonName(order.jsonName()));
        }
    }
}
