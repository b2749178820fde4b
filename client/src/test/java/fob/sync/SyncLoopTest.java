package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.Envelope;
import fob.backup.RollbackException;
import fob.vault.Account;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sync loop (SyncLoop): uploads, pulls and the status line, each decision pinned on its own. */
class SyncLoopTest {
    private final Random random = new Random(7);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);

    /** Issue 17: a backup the server will not take says so in words, with both sizes, and changes nothing here. */
    @Test
    void aBackupTooLargeForTheServerSaysBothSizes() throws Exception {
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        SimulatedWorld.Device device = devices.backedUp(deno);
        String etag = device.get(null).etag;
        world.backupMaxBytes = device.get(null).body.length() + 10;
        String base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 20; i++) {
            Account more = account("Bank " + i, "MFRGGZDFMZTWQ2" + base32.charAt(i / 32) + base32.charAt(i % 32));
            device.personChanges(v -> v.add(more));
        }
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertEquals(SyncStatus.OUT_OF_DATE, device.sync.status());
        String problem = device.sync.problem();
        assertTrue(problem.matches("this backup is \\d+ KB, more than the \\d+ KB that Fob's server accepts\\..*"),
                problem);
        assertTrue(problem.contains("FOB_BACKUP_MAX_BYTES"), problem);
        assertEquals(etag, device.get(null).etag, "nothing reached the server");
        assertEquals(21, device.vault.accounts().size(), "and every account is here");
    }

    /** docs/security.md: copying a code (its time of use, for "Recently used") uploads nothing. */
    @Test
    void aCopiedCodeUploadsNothing() throws Exception {
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        SimulatedWorld.Device device = devices.backedUp(deno);
        String etag = device.get(null).etag;
        device.personChanges(v -> v.used(deno.id(), 1_000));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        world.advance(BackupSync.MAX_RETRY_MILLIS);
        assertEquals(etag, device.get(null).etag, "no write followed the copy");
        assertEquals(SyncStatus.UP_TO_DATE, device.sync.status());
        assertEquals(Long.valueOf(1_000), device.vault.usedAt().get(deno.id()), "kept here");
        device.personChanges(v -> v.replace(v.find(deno.id()).edited(deno.kind(), "Deno Land", deno.name(),
                deno.otp(), "", 2_000)));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertFalse(etag.equals(device.get(null).etag), "while an edit is uploaded, as the test's control");
    }

    /** Issue 11 (4): a backup refused by rollback protection is reported as a rollback, not as needing the code. */
    @Test
    void anOlderBackupIsReportedAsARollbackNotAsNeedingTheRecoveryCode() throws Exception {
        SimulatedWorld.Device device = devices.signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        Account spdx = account("Spdx", "5OM4WOOGPLQEF6UGN3CPEOOLWU");
        device.personChanges(v -> v.add(deno));
        device.sync.enable(device.signedInAs.passkey);
        BackupServer.Stored first = device.get(null);
        device.personChanges(v -> v.add(spdx));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertEquals(SyncStatus.UP_TO_DATE, device.sync.status());
        device.put(first.body, device.get(null).etag);

        RollbackException refused = assertThrows(RollbackException.class,
                () -> device.sync.beginRestore(device.signedInAs.passkey));
        assertTrue(refused.getMessage().startsWith("The server sent an older backup than this browser has already"
                + " seen"), refused.getMessage());
        device.sync.pull();
        assertEquals(SyncStatus.OUT_OF_DATE, device.sync.status());
        assertTrue(device.sync.problem().startsWith("The server sent an older backup"), device.sync.problem());
        assertEquals(2, device.vault.accounts().size(), "nothing was rolled back");
    }

    /**
     * An upgrade: an older Fob left a backup without a lineage and a sync state without the account's id. The
     * signed-in account with that name is adopted, and backing up goes on in the same (unnamed) lineage.
     */
    @Test
    void aSyncStateFromBeforeLineagesKeepsBackingUp() throws Exception {
        SimulatedWorld.Device device = devices.signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        device.personChanges(v -> v.add(deno));
        String header = new fob.backup.Header(null, java.util.List.of(SimulatedWorld.CODEC.recoveryCodeSlot(
                device.vaultKey, SimulatedWorld.CODEC.newRecoveryCode()))).write();
        Envelope old = SimulatedWorld.CODEC.seal(device.vaultKey, header,
                new fob.backup.BackupPayload(3, world.now, device.vault).toBytes());
        String etag = device.put(old.toJson(), null);
        device.stored = new SyncState(true, null, "Ann", null, header, etag, 3, 1, true, false);

        device.sync.start();
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertEquals("acct-a", device.stored.accountId, "the account is known by its id from now on");
        assertEquals(SyncStatus.UP_TO_DATE, device.sync.status());
        assertEquals(4, device.stored.lastRevision);
        Envelope now = Envelope.parse(device.get(null).body);
        assertNull(now.lineage(), "the same backup, still without a lineage");
        assertEquals(header, now.header());
    }

    /** A session that ended: the change waits, and goes up once the person signs in again with the passkey. */
    @Test
    void aChangeMadeWhileSignedOutGoesUpAfterThePasskeySignIn() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        SimulatedWorld.RecoveryAccount ann = laptop.signedInAs;
        laptop.signedInAs = null;
        Account wwe = account("WWE", "5VAML3X35THCEBVRLV24CGBKOY");
        laptop.personChanges(v -> v.add(wwe));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertEquals(SyncStatus.OUT_OF_DATE, laptop.sync.status());
        laptop.signedInAs = ann;
        laptop.sync.signedIn(ann.asServerAccount());
        laptop.sync.adoptRotatedKey(ann.passkey);
        laptop.sync.ensurePasskeySlot(ann.passkey);
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertEquals(SyncStatus.UP_TO_DATE, laptop.sync.status(), laptop.sync.problem());
    }
}
