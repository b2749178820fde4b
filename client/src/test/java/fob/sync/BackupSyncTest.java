package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.vault.Account;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sync core as one object for the page: its tabs, which share the browser's storage and session. */
class BackupSyncTest {
    private final Random random = new Random(7);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);

    /**
     * Two tabs of one browser share its storage and its session cookie. A tab open before backup was turned on in
     * the other one used to say "Not backed up" until reloaded: it never pulled, uploaded nothing, and held no
     * live-sync stream when it came to lead. Each change of backup's settings or of the sign-in is now announced,
     * and the other tab reads them again.
     */
    @Test
    void aTabFollowsBackupTurnedOnAndOffInAnotherTabOfItsBrowser() throws Exception {
        world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-a", "Ann", random));
        SimulatedWorld.Device browser = world.addDevice(random);
        BackupSync first = browser.sync;
        BackupSync second = new BackupSync(browser, browser, browser, browser, browser::clock, SimulatedWorld.CODEC);
        first.tellOtherTabsWith(second::otherTabChanged);
        second.tellOtherTabsWith(first::otherTabChanged);
        second.start();
        assertEquals(SyncStatus.NOT_BACKED_UP, second.status());

        browser.signedInAs = world.accounts.get(0);
        first.signedIn(browser.signedInAs.asServerAccount());
        assertNotNull(second.account(), "the sign-in in the first tab is the second's too");
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        Account wwe = account("WWE", "5VAML3X35THCEBVRLV24CGBKOY");
        browser.personChanges(v -> v.add(deno));
        first.enable(browser.signedInAs.passkey);
        assertTrue(second.state().enabled);
        assertEquals(SyncStatus.UP_TO_DATE, second.status());

        SimulatedWorld.Device phone = devices.signedIn();
        phone.sync.beginRestore(phone.signedInAs.passkey).apply();
        phone.personChanges(v -> v.add(wwe));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertEquals(SyncStatus.UP_TO_DATE, phone.sync.status(), "the phone uploaded");
        second.pull();
        assertEquals(java.util.List.of("Deno", "WWE"), browser.vault.accounts().stream().map(Account::issuer)
                .sorted().toList(), "the second tab pulls what the phone wrote");

        second.stopOnThisDevice();
        assertEquals(SyncStatus.NOT_BACKED_UP, first.status(), "and the first tab hears that it stopped");
        assertTrue(!first.state().enabled);
    }
}
