package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VaultMergeTest {
    /** The merging device's clock in these tests: far after every time they use. */
    private static final long NOW = 1_000_000_000L;
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
        // Neither was reordered: both devices end with one order, whichever merges.
        assertEquals(issuers(VaultMerge.sync(local, remote, NOW)), issuers(VaultMerge.sync(remote, local, NOW)));
        assertEquals(3, VaultMerge.sync(local, remote, NOW).accounts().size());
        // The side reordered last gives the order, the other's additions after it.
        Vault reordered = local.move("l", -1, 10);
        assertEquals(List.of("Local", "Shared", "Remote"), issuers(VaultMerge.sync(reordered, remote, NOW)));
        assertEquals(List.of("Local", "Shared", "Remote"), issuers(VaultMerge.sync(remote, reordered, NOW)));
    }

    @Test
    void theLaterEditWins() throws Exception {
        Account base = account("a", "Old", "AAAAAAAAAAAAAAAA", 1);
        Account mine = base.edited(AccountKind.STANDARD, "Mine", "x", base.otp(), "", 10);
        Account theirs = base.edited(AccountKind.STANDARD, "Theirs", "x", base.otp(), "", 20);
        Vault merged = VaultMerge.sync(new Vault(List.of(mine), Settings.DEFAULTS),
                new Vault(List.of(theirs), Settings.DEFAULTS), NOW);
        assertEquals(List.of("Theirs"), issuers(merged));
    }

    @Test
    void aDeletionWinsOverAnEarlierEditButNotALaterOne() throws Exception {
        Account a = account("a", "A", "AAAAAAAAAAAAAAAA", 1);
        Account b = account("b", "B", "BBBBBBBBBBBBBBBB", 1);
        Vault deletedHere = new Vault(List.of(b), Settings.DEFAULTS, Map.of("a", 50L));
        Vault remote = new Vault(List.of(a, b), Settings.DEFAULTS);
        Vault merged = VaultMerge.sync(deletedHere, remote, NOW);
        assertEquals(List.of("B"), issuers(merged));
        assertEquals(50L, merged.tombstones().get("a"));

        Account editedLater = a.edited(AccountKind.STANDARD, "A2", "x", a.otp(), "", 60);
        Vault editedThere = new Vault(List.of(editedLater, b), Settings.DEFAULTS);
        assertEquals(List.of("A2", "B"), issuers(VaultMerge.sync(deletedHere, editedThere, NOW)));
        assertEquals(List.of("A2", "B"), issuers(VaultMerge.sync(editedThere, deletedHere, NOW)), "one order on both");
    }

    @Test
    void anHotpCounterNeverGoesBack() throws Exception {
        Account hotp = Account.fromLink("h", OtpAuthLink.parse("otpauth://hotp/H:x?secret=AAAAAAAAAAAAAAAA&counter=5"),
                AccountKind.STANDARD, 1);
        Account usedTwiceHere = hotp.withOtp(hotp.otp().nextCounter().nextCounter(), 10);
        Account renamedThere = hotp.edited(AccountKind.STANDARD, "Renamed", "x", hotp.otp().nextCounter(), "", 20);
        Vault merged = VaultMerge.sync(new Vault(List.of(usedTwiceHere), Settings.DEFAULTS),
                new Vault(List.of(renamedThere), Settings.DEFAULTS), NOW);
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
                new Vault(List.of(placeholderRenamed), Settings.DEFAULTS), NOW);
        assertEquals("Contoso Ltd", merged.accounts().get(0).issuer());
        assertFalse(merged.accounts().get(0).isPlaceholder());
    }

    @Test
    void theSameAccountAddedOnBothDevicesIsKeptOnce() throws Exception {
        Vault local = new Vault(List.of(account("l", "Here", "AAAAAAAAAAAAAAAA", 5)), Settings.DEFAULTS);
        Vault remote = new Vault(List.of(account("r", "There", "AAAAAAAAAAAAAAAA", 3)), Settings.DEFAULTS);
        assertEquals(List.of("There"), issuers(VaultMerge.sync(local, remote, NOW)));
        assertEquals(List.of("There"), issuers(VaultMerge.sync(remote, local, NOW)), "both devices keep the same one");
    }

    /** Issue 11: a time far ahead of the merging device's clock counts as now, so it cannot win every merge. */
    @Test
    void anEditStampedFarInTheFutureCountsAsNow() throws Exception {
        Account base = account("a", "Base", "AAAAAAAAAAAAAAAA", 1);
        Account fromTheFuture = base.edited(AccountKind.STANDARD, "Future", "x", base.otp(), "",
                NOW + VaultMerge.MAX_CLOCK_AHEAD_MILLIS + 1);
        Account editedHereJustAfterNow = base.edited(AccountKind.STANDARD, "Here", "x", base.otp(), "", NOW + 1);
        Vault merged = VaultMerge.sync(new Vault(List.of(editedHereJustAfterNow), Settings.DEFAULTS),
                new Vault(List.of(fromTheFuture), Settings.DEFAULTS), NOW);
        assertEquals(List.of("Here"), issuers(merged), "the future stamp counted as now, older than this edit");

        Account withinFiveMinutes = base.edited(AccountKind.STANDARD, "Soon", "x", base.otp(), "",
                NOW + VaultMerge.MAX_CLOCK_AHEAD_MILLIS);
        assertEquals(List.of("Soon"), issuers(VaultMerge.sync(new Vault(List.of(editedHereJustAfterNow),
                Settings.DEFAULTS), new Vault(List.of(withinFiveMinutes), Settings.DEFAULTS), NOW)));

        Vault futureDeletion = new Vault(List.of(), Settings.DEFAULTS,
                Map.of("a", NOW + VaultMerge.MAX_CLOCK_AHEAD_MILLIS + 1));
        Vault afterLocalEdit = VaultMerge.sync(new Vault(List.of(base.edited(AccountKind.STANDARD, "Later", "x",
                base.otp(), "", NOW + 10)), Settings.DEFAULTS), futureDeletion, NOW);
        assertEquals(List.of("Later"), issuers(afterLocalEdit), "a deletion stamped in the future counts as now");
        assertEquals(null, afterLocalEdit.tombstones().get("a"), "a deletion the account outlived is dropped");
    }

    /** Issue 11: a deletion from another device moves the account here to Recently deleted, with its secret. */
    @Test
    void aDeletionFromAnotherDeviceLandsInRecentlyDeleted() throws Exception {
        Account a = account("a", "A", "AAAAAAAAAAAAAAAA", 1);
        Account work = Account.fromLink("w", OtpAuthLink.parse("otpauth://totp/Contoso:ann?secret=BBBBBBBBBBBBBBBB"),
                AccountKind.WORK_OR_SCHOOL, 1);
        Vault here = new Vault(List.of(a, work), Settings.DEFAULTS);
        Vault remote = new Vault(List.of(), Settings.DEFAULTS, Map.of("a", 50L, "w", 60L));
        Vault merged = VaultMerge.sync(here, remote, NOW);
        assertEquals(List.of(), issuers(merged));
        assertEquals(List.of("A", "Contoso"), merged.recentlyDeleted().stream().map(d -> d.account().issuer())
                .collect(Collectors.toList()));
        fob.vault.Deleted workEntry = merged.recentlyDeleted().get(1);
        assertFalse(workEntry.account().isPlaceholder(), "the secret is kept");
        assertTrue(workEntry.keptUntilDeletedHere());
        Vault muchLater = merged.purgedAt(NOW + fob.vault.Deleted.KEPT_MILLIS + 1);
        assertEquals(List.of("Contoso"), muchLater.recentlyDeleted().stream().map(d -> d.account().issuer())
                .collect(Collectors.toList()), "after 30 days only the work account's secret is still kept");

        Vault restored = merged.restoreDeleted("a", NOW + 100);
        assertEquals(List.of("A"), issuers(restored));
        assertEquals(List.of("A"), issuers(VaultMerge.sync(remote, restored, NOW + 200)),
                "the restored account wins over its tombstone on the other device");
        Vault once = VaultMerge.sync(restored, remote, NOW + 200);
        assertEquals(once, VaultMerge.sync(once, remote, NOW + 300), "merging the same backup again changes nothing");
    }

    private static List<String> groupNames(Vault vault) {
        return vault.groups().stream().map(fob.vault.Group::name).collect(Collectors.toList());
    }

    @Test
    void groupsMadeOnEitherDeviceSurviveAndTheLaterRenameWins() throws Exception {
        Vault base = Vault.EMPTY.addGroup("g1", "Work", 1);
        Vault local = base.renameGroup("g1", "Job", 10).addGroup("g2", "Family", 11);
        Vault remote = base.renameGroup("g1", "Office", 20).addGroup("g3", "Banks", 12);
        assertEquals(List.of("Banks", "Family", "Office"), groupNames(VaultMerge.sync(local, remote, NOW)));
        assertEquals(VaultMerge.sync(local, remote, NOW).groups(), VaultMerge.sync(remote, local, NOW).groups(),
                "both devices end with the same groups");
        Vault tie = base.renameGroup("g1", "Aaa", 20);
        assertEquals(VaultMerge.sync(tie, remote, NOW).groups(), VaultMerge.sync(remote, tie, NOW).groups(),
                "two renames at one time: both devices choose alike");
    }

    @Test
    void aGroupDeletionWinsOverAnEarlierRenameButNotALaterOne() throws Exception {
        Vault base = Vault.EMPTY.addGroup("g1", "Work", 1);
        Vault deleted = base.deleteGroup("g1", 20);
        Vault renamedBefore = base.renameGroup("g1", "Job", 10);
        Vault renamedAfter = base.renameGroup("g1", "Job", 30);
        assertEquals(List.of(), groupNames(VaultMerge.sync(renamedBefore, deleted, NOW)));
        assertEquals(List.of(), groupNames(VaultMerge.sync(deleted, renamedBefore, NOW)));
        Vault kept = VaultMerge.sync(deleted, renamedAfter, NOW);
        assertEquals(List.of("Job"), groupNames(kept));
        assertFalse(kept.tombstones().containsKey("g1"), "the group outlived its deletion: the tombstone goes");
        assertEquals(kept, VaultMerge.sync(kept, renamedAfter, NOW), "merging again changes nothing");
    }

    @Test
    void anAccountsGroupsMergeAsItsOtherDetailsDo() throws Exception {
        Account a = account("a", "A", "AAAAAAAAAAAAAAAA", 1);
        Vault base = new Vault(List.of(a), Settings.DEFAULTS).addGroup("g1", "Work", 1).addGroup("g2", "Home", 1);
        Vault local = base.setGroups("a", List.of("g1"), 10);
        Vault remote = base.setGroups("a", List.of("g2"), 20);
        assertEquals(List.of("g2"), VaultMerge.sync(local, remote, NOW).find("a").groups());
        assertEquals(List.of("g2"), VaultMerge.sync(remote, local, NOW).find("a").groups());
        Vault sameTime = base.setGroups("a", List.of("g1"), 20);
        assertEquals(VaultMerge.sync(sameTime, remote, NOW).find("a"), VaultMerge.sync(remote, sameTime, NOW).find("a"),
                "two edits at one time: both devices choose alike");
    }

    @Test
    void joiningABackupKeepsTheGroupsOfBoth() throws Exception {
        Vault here = new Vault(List.of(account("a", "A", "AAAAAAAAAAAAAAAA", 1)), Settings.DEFAULTS)
                .addGroup("g1", "Work", 1).setGroups("a", List.of("g1"), 2);
        Vault backup = new Vault(List.of(account("b", "B", "BBBBBBBBBBBBBBBB", 1)), Settings.DEFAULTS)
                .addGroup("g2", "Home", 1).setGroups("b", List.of("g2"), 2);
        Vault joined = VaultMerge.join(here, backup, NOW);
        assertEquals(List.of("Home", "Work"), groupNames(joined));
        assertEquals(List.of("g1"), joined.find("a").groups());
        assertEquals(List.of("g2"), joined.find("b").groups());
    }
}
