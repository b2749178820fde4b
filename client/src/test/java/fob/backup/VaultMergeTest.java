package fob.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Settings;
import fob.vault.Vault;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VaultMergeTest {
    private static Account account(String id, String issuer, String secret, long at) throws Exception {
        return Account.fromLink(id, OtpAuthLink.parse("otpauth://totp/" + issuer + ":x?secret=" + secret),
                AccountKind.STANDARD, at);
    }

    private static List<String> issuers(Vault vault) {
        return vault.accounts().stream().map(Account::issuer).collect(Collectors.toList());
    }

    @Test
    void bothDevicesAdditionsSurvive() throws Exception {
        Account shared = account("s", "Shared", "AAAAAAAAAAAAAAAA", 1);
        Vault local = new Vault(List.of(shared, account("l", "Local", "BBBBBBBBBBBBBBBB", 5)), Settings.DEFAULTS);
        Vault remote = new Vault(List.of(shared, account("r", "Remote", "CCCCCCCCCCCCCCCC", 6)), Settings.DEFAULTS);
        assertEquals(List.of("Shared", "Local", "Remote"), issuers(VaultMerge.sync(local, remote)));
        assertEquals(List.of("Shared", "Remote", "Local"), issuers(VaultMerge.sync(remote, local)));
    }

    @Test
    void theLaterEditWins() throws Exception {
        Account base = account("a", "Old", "AAAAAAAAAAAAAAAA", 1);
        Account mine = base.edited(AccountKind.STANDARD, "Mine", "x", base.otp(), "", 10);
        Account theirs = base.edited(AccountKind.STANDARD, "Theirs", "x", base.otp(), "", 20);
        Vault merged = VaultMerge.sync(new Vault(List.of(mine), Settings.DEFAULTS),
                new Vault(List.of(theirs), Settings.DEFAULTS));
        assertEquals(List.of("Theirs"), issuers(merged));
    }

    @Test
    void aDeletionWinsOverAnEarlierEditButNotALaterOne() throws Exception {
        Account a = account("a", "A", "AAAAAAAAAAAAAAAA", 1);
        Account b = account("b", "B", "BBBBBBBBBBBBBBBB", 1);
        Vault deletedHere = new Vault(List.of(b), Settings.DEFAULTS, Map.of("a", 50L));
        Vault remote = new Vault(List.of(a, b), Settings.DEFAULTS);
        Vault merged = VaultMerge.sync(deletedHere, remote);
        assertEquals(List.of("B"), issuers(merged));
        assertEquals(50L, merged.tombstones().get("a"));

        Account editedLater = a.edited(AccountKind.STANDARD, "A2", "x", a.otp(), "", 60);
        assertEquals(List.of("B", "A2"), issuers(VaultMerge.sync(deletedHere, new Vault(List.of(editedLater, b),
                Settings.DEFAULTS))));
    }

    @Test
    void anHotpCounterNeverGoesBack() throws Exception {
        Account hotp = Account.fromLink("h", OtpAuthLink.parse("otpauth://hotp/H:x?secret=AAAAAAAAAAAAAAAA&counter=5"),
                AccountKind.STANDARD, 1);
        Account usedTwiceHere = hotp.withOtp(hotp.otp().nextCounter().nextCounter(), 10);
        Account renamedThere = hotp.edited(AccountKind.STANDARD, "Renamed", "x", hotp.otp().nextCounter(), "", 20);
        Vault merged = VaultMerge.sync(new Vault(List.of(usedTwiceHere), Settings.DEFAULTS),
                new Vault(List.of(renamedThere), Settings.DEFAULTS));
        assertEquals("Renamed", merged.accounts().get(0).issuer());
        assertEquals(7, merged.accounts().get(0).otp().counter());
    }

    @Test
    void aPlaceholderNeverReplacesTheSecret() throws Exception {
        Account work = Account.fromLink("w", OtpAuthLink.parse("otpauth://totp/Contoso:ann?secret=AAAAAAAAAAAAAAAA"),
                AccountKind.WORK_OR_SCHOOL, 1);
        Account placeholderRenamed = work.asPlaceholder().edited(AccountKind.WORK_OR_SCHOOL, "Contoso Ltd", "ann",
                null, "", 9);
        Vault merged = VaultMerge.sync(new Vault(List.of(work), Settings.DEFAULTS),
                new Vault(List.of(placeholderRenamed), Settings.DEFAULTS));
        assertEquals("Contoso Ltd", merged.accounts().get(0).issuer());
        assertFalse(merged.accounts().get(0).isPlaceholder());
    }

    @Test
    void theSameAccountAddedOnBothDevicesIsKeptOnce() throws Exception {
        Vault local = new Vault(List.of(account("l", "Here", "AAAAAAAAAAAAAAAA", 5)), Settings.DEFAULTS);
        Vault remote = new Vault(List.of(account("r", "There", "AAAAAAAAAAAAAAAA", 3)), Settings.DEFAULTS);
        assertEquals(List.of("There"), issuers(VaultMerge.sync(local, remote)));
        assertEquals(List.of("There"), issuers(VaultMerge.sync(remote, local)), "both devices keep the same one");
    }

    @Test
    void mergeOnRestoreAddsWhatIsMissingAndTouchesNothingLocal() throws Exception {
        Account mine = account("m", "Mine", "AAAAAAAAAAAAAAAA", 1);
        Account sameSecretOtherId = account("x", "Backup copy", "AAAAAAAAAAAAAAAA", 1);
        Account onlyInBackup = account("b", "OnlyInBackup", "BBBBBBBBBBBBBBBB", 1);
        Account editedInBackup = mine.edited(AccountKind.STANDARD, "Renamed in backup", "x", mine.otp(), "", 99);
        Vault local = new Vault(List.of(mine), Settings.DEFAULTS);
        Vault backup = new Vault(List.of(editedInBackup, sameSecretOtherId, onlyInBackup), Settings.DEFAULTS,
                Map.of("m", 1000L));
        Vault merged = VaultMerge.addMissing(local, backup);
        assertEquals(List.of("Mine", "OnlyInBackup"), issuers(merged));
        assertTrue(merged.tombstones().isEmpty(), "a backup's deletion never reaches a local account");
    }
}
