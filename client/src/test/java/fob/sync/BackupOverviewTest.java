package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** What Settings' backup part shows, from the real sync core in each state that changes it. */
class BackupOverviewTest {
    private final Random random = new Random(3);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);

    @Test
    void signedInWithBackupOffOffersNoKeysOfABackup() {
        SimulatedWorld.Device device = devices.signedIn();
        BackupOverview overview = BackupOverview.of(device.sync);
        assertEquals("Not backed up", overview.status);
        assertFalse(overview.backupOn);
        assertEquals("Ann", overview.accountName);
        assertFalse(overview.ownBackup);
        assertFalse(overview.needsAttention);
        assertEquals("", overview.detail(at -> "then"));
        assertFalse(device.sync.isOnAndSignedIn(), "no live-sync stream");
    }

    @Test
    void backingUpOffersTheCodeHistoryAndRotationAndSaysWhenItLastWorked() throws Exception {
        SimulatedWorld.Device device = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        BackupOverview overview = BackupOverview.of(device.sync);
        assertEquals("Backup up to date", overview.status);
        assertTrue(overview.ownBackup);
        assertEquals("Last good backup: then.", overview.detail(at -> "then"));
        assertTrue(device.sync.isOnAndSignedIn(), "a live-sync stream");

        device.online = false;
        fob.vault.Account wwe = account("WWE", "5VAML3X35THCEBVRLV24CGBKOY");
        device.personChanges(v -> v.add(wwe));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        BackupOverview offline = BackupOverview.of(device.sync);
        assertTrue(offline.needsAttention);
        assertEquals("Fob's server cannot be reached; check the connection. Last good backup: then.",
                offline.detail(at -> "then"), "the problem capitalised, as a sentence");
    }

    @Test
    void anotherAccountIsAChoiceInWordsAndHidesTheOwnBackupsKeys() throws Exception {
        SimulatedWorld.Device device = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-b", "Bo", random));
        device.signedInAs = world.accounts.get(1);
        device.sync.signedIn(device.signedInAs.asServerAccount());
        BackupOverview overview = BackupOverview.of(device.sync);
        assertFalse(overview.ownBackup, "the code and keys of Ann's backup are not offered while Bo is signed in");
        assertTrue(overview.otherAccount.startsWith("This browser backs up to the recovery account \u201cAnn\u201d."
                + " You signed in to \u201cBo\u201d"), overview.otherAccount);
        assertTrue(overview.needsAttention);

        device.signedInAs = null;
        device.sync.signedOut();
        BackupOverview signedOut = BackupOverview.of(device.sync);
        assertNull(signedOut.accountName);
        assertNull(signedOut.otherAccount);
        assertFalse(signedOut.keysChanged);
    }

    @Test
    void aRotationsAndABackupsNotesNameWhatThePersonMustKnow() {
        assertEquals("Your backup has new keys.", new Rotation("code", 0).note());
        assertEquals("Your backup has new keys. 2 of your passkeys will open it again after it next signs in on a"
                + " device with backup on; until then, restore with this code.", new Rotation("code", 2).note());
        assertNull(new Enabled("code", null, false).note());
        assertEquals("Your passkey cannot open backups by itself, so restoring will need this code.",
                new Enabled("code", null, true).note());
    }
}
