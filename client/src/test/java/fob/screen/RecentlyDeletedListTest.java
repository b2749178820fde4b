package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Deleted;
import fob.vault.Settings;
import fob.vault.Vault;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecentlyDeletedListTest {
    private static Account account(String id, String link, AccountKind kind) throws Exception {
        return Account.fromLink(id, OtpAuthLink.parse(link), kind, 1);
    }

    @Test
    void newestFirstEachSayingWhereItWasDeleted() throws Exception {
        Vault vault = Vault.EMPTY.add(account("a", "otpauth://totp/A:a?secret=AAAAAAAAAAAAAAAA", AccountKind.STANDARD))
                .add(account("b", "otpauth://totp/B:b?secret=BBBBBBBBBBBBBBBB", AccountKind.STANDARD))
                .remove("a", 10).remove("b", 20);
        List<RecentlyDeletedList.Line> lines = RecentlyDeletedList.of(vault);
        assertEquals(List.of("b", "a"), lines.stream().map(RecentlyDeletedList.Line::accountId)
                .collect(Collectors.toList()));
        assertEquals("B (b), deleted today", lines.get(0).text("today"));
        assertEquals(20, lines.get(0).deletedAt());
        assertFalse(lines.get(0).offersDeleteForGood(), "it goes by itself after 30 days");
    }

    @Test
    void aWorkSecretDeletedOnAnotherDeviceWaitsToBeDeletedHere() throws Exception {
        Account work = account("w", "otpauth://totp/Contoso:ann?secret=CCCCCCCCCCCCCCCC", AccountKind.WORK_OR_SCHOOL);
        Vault vault = new Vault(List.of(), Settings.DEFAULTS, Map.of("w", 5L), List.of(new Deleted(work, 5, true)));
        RecentlyDeletedList.Line line = RecentlyDeletedList.of(vault).get(0);
        assertEquals("Contoso (ann), deleted yesterday on another device", line.text("yesterday"));
        assertTrue(line.offersDeleteForGood());
        assertTrue(line.deleteForGoodQuestion().startsWith("Contoso (ann) is a work or school account whose secret"
                + " is only on this device"), line.deleteForGoodQuestion());
    }
}
