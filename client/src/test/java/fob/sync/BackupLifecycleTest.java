package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.Envelope;
import fob.backup.RollbackException;
import fob.vault.Account;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Turning backup on, switching account and beginning recovery (BackupLifecycle), each decision pinned on its own. */
class BackupLifecycleTest {
    private final Random random = new Random(7);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);

    /**
     * Issue 16's audit: backup turned on in two places at once. Both read "no backup"; the first writes its new
     * backup and shows its code; the second's write is refused (412), and it is offered that backup to restore
     * or merge: no code is ever shown for a backup the server does not hold.
     */
    @Test
    void twoPlacesTurningBackupOnAtOnceShowOneCodeAndItOpensTheBackup() throws Exception {
        SimulatedWorld.Device first = devices.signedIn();
        SimulatedWorld.Device second = devices.signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        first.personChanges(v -> v.add(deno));
        second.readsBeforeOthersWrite = 1;
        Enabled won = first.sync.enable(first.signedInAs.passkey);
        Enabled lost = second.sync.enable(second.signedInAs.passkey);
        assertNotNull(won.recoveryCode);
        assertNull(lost.recoveryCode, "no code for a backup that the server does not hold");
        assertNotNull(lost.existing, "the backup made first is offered instead");
        lost.existing.apply();
        assertEquals(1, second.vault.accounts().size());

        BackupServer.Stored stored = second.get(null);
        Envelope envelope = Envelope.parse(stored.body);
        assertArrayEquals(first.vaultKey, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(envelope, won.recoveryCode),
                "the code shown opens the backup");
    }

    /** Issue 11 (2): signed in to another recovery account, nothing is uploaded until the person chooses. */
    @Test
    void anotherRecoveryAccountGetsNothingUntilThePersonChooses() throws Exception {
        SimulatedWorld.Device device = devices.signedIn();
        world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-b", "Bo", random));
        device.sync.enable(device.signedInAs.passkey);
        device.signedInAs = world.accounts.get(1);
        device.sync.signedIn(device.signedInAs.asServerAccount());
        assertEquals(SyncStatus.OTHER_ACCOUNT, device.sync.status());
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        device.personChanges(v -> v.add(deno));
        world.advance(BackupSync.MAX_RETRY_MILLIS);
        device.sync.pull();
        assertNull(device.get(null), "Bo's account holds no backup: nothing was uploaded to it");
        assertEquals(SyncStatus.OTHER_ACCOUNT, device.sync.status());

        Enabled enabled = device.sync.switchToSignedInAccount(device.signedInAs.passkey);
        assertNotNull(enabled.recoveryCode, "Bo had no backup: a new one, from this browser's accounts");
        assertEquals("acct-b", device.sync.state().accountId);
    }

    /**
     * Issue 23's attack: with nothing but a session (or the database), the forger seals a key of its own to the
     * passkey's sealed slot, under a new lineage, with one account "Planted". The device says the backup was deleted
     * elsewhere; turning backup on again, the person's passkey opens the forged slot, but the key is refused in
     * words, nothing is merged and nothing is uploaded; the device keeps its key and its accounts.
     */
    @Test
    void aBackupForgedWithTheSlotsPublicKeyIsRefusedWhenBackupIsTurnedOnAgain() throws Exception {
        SimulatedWorld.Device laptop = devices.signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        laptop.personChanges(v -> v.add(deno));
        laptop.sync.enable(laptop.signedInAs.passkey);
        String forged = devices.forgeWithTheSlotsPublicKey(laptop, fob.backup.Header.newLineage(
                new fob.crypto.BouncyCastleAead()));
        byte[] keyBefore = laptop.vaultKey.clone();

        laptop.sync.pull();
        assertEquals(SyncStatus.DELETED_ELSEWHERE, laptop.sync.status());
        fob.backup.UntrustedBackupException refused = assertThrows(fob.backup.UntrustedBackupException.class,
                () -> laptop.sync.enable(laptop.signedInAs.passkey));
        assertTrue(refused.getMessage().startsWith("This backup was not made by your devices: it was changed on the"
                + " server"), refused.getMessage());
        assertEquals(java.util.List.of("Deno"), laptop.vault.accounts().stream().map(Account::issuer).toList(),
                "nothing of it was merged");
        assertArrayEquals(keyBefore, laptop.vaultKey, "the device keeps its own key");
        assertFalse(laptop.sync.state().enabled, "and does not join it");
        world.advance(BackupSync.MAX_RETRY_MILLIS);
        assertEquals(forged, laptop.get(null).body, "nothing was uploaded over it");
    }

    /** The same forged backup met by Begin recovery on a new machine with the same synced passkey: refused. */
    @Test
    void aBackupForgedWithTheSlotsPublicKeyIsRefusedByBeginRecovery() throws Exception {
        SimulatedWorld.Device laptop = devices.signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        laptop.personChanges(v -> v.add(deno));
        laptop.sync.enable(laptop.signedInAs.passkey);
        String forged = devices.forgeWithTheSlotsPublicKey(laptop, Envelope.parse(laptop.get(null).body).lineage());

        SimulatedWorld.Device newMachine = devices.signedIn();
        assertThrows(fob.backup.UntrustedBackupException.class,
                () -> newMachine.sync.beginRestore(newMachine.signedInAs.passkey));
        assertTrue(newMachine.vault.accounts().isEmpty(), "nothing restored");
        assertFalse(newMachine.sync.state().enabled);
        world.advance(BackupSync.MAX_RETRY_MILLIS);
        assertEquals(forged, newMachine.get(null).body, "nothing uploaded");
    }

    /**
     * The server says the backup is gone, then serves an older genuine version of the same lineage again: the device
     * kept the revision it had seen, and turning backup on again refuses the rollback.
     */
    @Test
    void aBackupThatVanishesAndComesBackOlderIsRefusedAsARollback() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        String older = laptop.get(null).body;
        Account wwe = account("WWE", "5VAML3X35THCEBVRLV24CGBKOY");
        laptop.personChanges(v -> v.add(wwe));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        long seen = laptop.sync.state().lastRevision;
        assertTrue(seen > fob.backup.BackupPayload.read(SimulatedWorld.CODEC.open(Envelope.parse(older),
                laptop.vaultKey)).revision(), "the second account was uploaded");

        laptop.delete();
        laptop.sync.pull();
        assertEquals(SyncStatus.DELETED_ELSEWHERE, laptop.sync.status());
        assertEquals(seen, laptop.sync.state().lastRevision, "the revision seen outlives the deletion");
        laptop.put(older, null);
        assertThrows(RollbackException.class, () -> laptop.sync.enable(laptop.signedInAs.passkey));
        assertEquals(2, laptop.vault.accounts().size());
    }

    /**
     * Turning backup on, the server makes the backup but the answer is lost: turning it on again finds the backup
     * this browser made, joins it and shows its code (it is the only code that opens it).
     */
    @Test
    void aNewBackupWhoseAnswerWasLostShowsItsCodeWhenBackupIsTurnedOnAgain() throws Exception {
        SimulatedWorld.Device laptop = devices.signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        laptop.personChanges(v -> v.add(deno));
        world.adversary.loseNextResponses(1);
        assertThrows(ServerFailure.class, () -> laptop.sync.enable(laptop.signedInAs.passkey));
        assertFalse(laptop.sync.state().enabled);
        Enabled again = laptop.sync.enable(laptop.signedInAs.passkey);
        assertNull(again.existing);
        assertNotNull(again.recoveryCode);
        Envelope made = Envelope.parse(laptop.get(null).body);
        assertArrayEquals(laptop.vaultKey, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(made, again.recoveryCode));
        assertTrue(laptop.sync.state().enabled);
        assertEquals(made.lineage(), laptop.sync.state().lineage);
    }

    /** Restoring into an empty browser asks nothing; into one with accounts, only a merge is offered, in words. */
    @Test
    void aRestoreAsksToMergeOnlyWhereThereAreAccountsAndSaysWhatItDid() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        SimulatedWorld.Device empty = devices.signedIn();
        Restore whole = empty.sync.beginRestore(empty.signedInAs.passkey);
        assertNull(whole.mergeQuestion());
        long writes = world.writes;
        assertEquals("Restored 1 account.", whole.applyAndSay());
        world.advance(60_000);
        world.advance(60_000);
        assertEquals(writes, world.writes, "a whole restore adds no version to the backup");
        assertFalse(empty.sync.state().pending);

        SimulatedWorld.Device phone = devices.signedIn();
        Account wwe = account("WWE", "5VAML3X35THCEBVRLV24CGBKOY");
        phone.personChanges(v -> v.add(wwe));
        Restore merge = phone.sync.beginRestore(phone.signedInAs.passkey);
        assertEquals("This browser already has 1 account, so Fob will not replace it with the backup's 1. Merge"
                + " brings in the backup's accounts and its later changes; nothing here is lost (an account the"
                + " backup deleted goes to Recently deleted).", merge.mergeQuestion());
        assertEquals("Merged: 1 account added.", merge.applyAndSay());
        assertEquals(2, phone.vault.accounts().size());
        assertEquals(1, laptop.vault.accounts().size());
    }
}
