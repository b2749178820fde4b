package fob.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.Envelope;
import fob.backup.RollbackException;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Single decisions of the sync core that the model test reaches only by chance, each pinned on its own. */
class BackupSyncTest {
    private final Random random = new Random(7);
    private final SimulatedWorld world = new SimulatedWorld();

    private SimulatedWorld.Device signedInDevice() {
        if (world.accounts.isEmpty()) {
            world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-a", "Ann", random));
        }
        SimulatedWorld.Device device = world.addDevice(random);
        device.signedInAs = world.accounts.get(0);
        device.sync.signedIn(device.signedInAs.asServerAccount());
        return device;
    }

    private static Account account(String issuer, String secret) throws Exception {
        return Account.fromLink(issuer, OtpAuthLink.parse("otpauth://totp/" + issuer + ":x?secret=" + secret
                + "&issuer=" + issuer), AccountKind.STANDARD, 1);
    }

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

        SimulatedWorld.Device phone = signedInDevice();
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

    /**
     * Issue 16's audit: backup turned on in two places at once. Both read "no backup"; the first writes its new
     * backup and shows its code; the second's write is refused (412), and it is offered that backup to restore
     * or merge: no code is ever shown for a backup the server does not hold.
     */
    @Test
    void twoPlacesTurningBackupOnAtOnceShowOneCodeAndItOpensTheBackup() throws Exception {
        SimulatedWorld.Device first = signedInDevice();
        SimulatedWorld.Device second = signedInDevice();
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

    /** A signed-in device with backup on and up to date, holding {@code account}. */
    private SimulatedWorld.Device backedUp(Account account) throws Exception {
        SimulatedWorld.Device device = signedInDevice();
        device.personChanges(v -> v.add(account));
        device.sync.enable(device.signedInAs.passkey);
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        return device;
    }

    /** Issue 17: a backup the server will not take says so in words, with both sizes, and changes nothing here. */
    @Test
    void aBackupTooLargeForTheServerSaysBothSizes() throws Exception {
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        SimulatedWorld.Device device = backedUp(deno);
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
        SimulatedWorld.Device device = backedUp(deno);
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
        SimulatedWorld.Device device = signedInDevice();
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

    /** Issue 11 (2): signed in to another recovery account, nothing is uploaded until the person chooses. */
    @Test
    void anotherRecoveryAccountGetsNothingUntilThePersonChooses() throws Exception {
        SimulatedWorld.Device device = signedInDevice();
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
     * An upgrade: an older Fob left a backup without a lineage and a sync state without the account's id. The
     * signed-in account with that name is adopted, and backing up goes on in the same (unnamed) lineage.
     */
    @Test
    void aSyncStateFromBeforeLineagesKeepsBackingUp() throws Exception {
        SimulatedWorld.Device device = signedInDevice();
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

    /**
     * Issue 12: a rotation after a passkey was removed. Every envelope the server held before it is kept; afterwards
     * the old recovery code and the removed passkey's PRF open neither the newest backup nor any earlier envelope
     * sealed under the new key, while the remaining passkey (resealed without being at hand) and the new code do.
     * The other device keeps an edit it made offline across its adoption of the new key.
     */
    @Test
    void aRotationLocksOutTheOldCodeAndTheRemovedPasskeyAndTheOtherDeviceKeepsItsEdit() throws Exception {
        SimulatedWorld.Device laptop = signedInDevice();
        SimulatedWorld.Device phone = signedInDevice();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        Account wwe = account("WWE", "5VAML3X35THCEBVRLV24CGBKOY");
        laptop.personChanges(v -> v.add(deno));
        Enabled enabled = laptop.sync.enable(laptop.signedInAs.passkey);
        phone.sync.beginRestore(phone.signedInAs.passkey).apply();
        PasskeyKey lost = new PasskeyKey(new byte[] {7, 7, 7}, new byte[32]);
        random.nextBytes(lost.prf);
        laptop.sync.ensurePasskeySlot(lost);
        for (int i = 0; i < 4; i++) {
            world.advance(BackupSync.DEBOUNCE_MILLIS);
        }
        java.util.List<String> before = new java.util.ArrayList<>();
        before.add(laptop.get(null).body);
        assertArrayEquals(laptop.vaultKey, SimulatedWorld.CODEC.vaultKeyFromPasskey(Envelope.parse(before.get(0)),
                lost.credentialId, lost.prf), "the lost passkey opened the backup before");

        phone.online = false;
        phone.personChanges(v -> v.add(wwe));
        Rotation rotation = laptop.sync.rotate(null, lost.credentialId);
        Envelope rotated = Envelope.parse(laptop.get(null).body);

        assertThrows(fob.backup.BackupException.class, () -> SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(rotated,
                enabled.recoveryCode), "the old recovery code");
        assertThrows(fob.backup.BackupException.class, () -> SimulatedWorld.CODEC.vaultKeyFromPasskey(rotated,
                lost.credentialId, lost.prf), "the removed passkey");
        for (String old : before) {
            byte[] oldKey = SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(Envelope.parse(old), enabled.recoveryCode);
            assertThrows(fob.backup.BackupException.class, () -> SimulatedWorld.CODEC.open(rotated, oldKey),
                    "what the old code or passkey yielded opens nothing the rotation wrote");
        }
        byte[] viaCode = SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(rotated, rotation.recoveryCode);
        byte[] viaPasskey = SimulatedWorld.CODEC.vaultKeyFromPasskey(rotated, laptop.signedInAs.passkey.credentialId,
                laptop.signedInAs.passkey.prf);
        assertArrayEquals(viaCode, viaPasskey, "the remaining passkey and the new code open the new key");
        assertArrayEquals(laptop.vaultKey, viaCode, "and the laptop's vault is kept under it");
        assertEquals(0, rotation.passkeysWithoutSlot);

        phone.online = true;
        phone.sync.pull();
        assertEquals(SyncStatus.KEYS_CHANGED, phone.sync.status());
        assertEquals("Sign in to keep backing up", phone.sync.status().text());
        assertTrue(phone.sync.adoptRotatedKey(phone.signedInAs.passkey));
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        assertArrayEquals(viaCode, phone.vaultKey, "the phone adopted the new key");
        laptop.sync.pull();
        assertEquals(java.util.List.of("Deno", "WWE"), laptop.vault.accounts().stream().map(Account::issuer).sorted()
                .toList(), "the phone's offline edit reached the laptop through the rotated backup");
        assertEquals(SyncStatus.UP_TO_DATE, phone.sync.status());
    }

    /**
     * The server (or whoever can write to it) seals a key of its own to the passkey's slot, with the same lineage and
     * a higher revision. The passkey opens it, but its key does not descend from the device's: it is not adopted,
     * the device keeps its key and uploads nothing over it.
     */
    @Test
    void aRotationForgedWithTheSlotsPublicKeyIsNotAdopted() throws Exception {
        SimulatedWorld.Device laptop = signedInDevice();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        laptop.personChanges(v -> v.add(deno));
        laptop.sync.enable(laptop.signedInAs.passkey);
        BackupServer.Stored stored = laptop.get(null);
        Envelope real = Envelope.parse(stored.body);
        fob.backup.SealedPasskeySlot slot = (fob.backup.SealedPasskeySlot) real.slots().get(0);
        byte[] forgedKey = SimulatedWorld.CODEC.newVaultKey();
        fob.backup.Header forgedHeader = new fob.backup.Header(real.lineage(), java.util.List.of(
                SimulatedWorld.CODEC.resealed(slot, forgedKey)), java.util.List.of(
                SimulatedWorld.CODEC.previousKey(forgedKey, SimulatedWorld.CODEC.newVaultKey())));
        Envelope forged = SimulatedWorld.CODEC.seal(forgedKey, forgedHeader, new fob.backup.BackupPayload(50,
                world.now, fob.vault.Vault.EMPTY).toBytes());
        laptop.put(forged.toJson(), stored.etag);
        byte[] keyBefore = laptop.vaultKey.clone();

        laptop.sync.pull();
        assertEquals(SyncStatus.KEYS_CHANGED, laptop.sync.status());
        assertThrows(fob.backup.UntrustedBackupException.class,
                () -> laptop.sync.adoptRotatedKey(laptop.signedInAs.passkey));
        assertArrayEquals(keyBefore, laptop.vaultKey, "the device keeps its own key");
        assertEquals(1, laptop.vault.accounts().size(), "and its accounts");
        assertEquals(SyncStatus.OUT_OF_DATE, laptop.sync.status());
        world.advance(BackupSync.MAX_RETRY_MILLIS);
        assertEquals(forged.toJson(), laptop.get(null).body, "nothing was uploaded over it");
    }

    /**
     * Issue 23's attack: with nothing but a session (or the database), the forger seals a key of its own to the
     * passkey's sealed slot, under a new lineage, with one account "Planted". The device says the backup was deleted
     * elsewhere; turning backup on again, the person's passkey opens the forged slot, but the key is refused in
     * words, nothing is merged and nothing is uploaded; the device keeps its key and its accounts.
     */
    @Test
    void aBackupForgedWithTheSlotsPublicKeyIsRefusedWhenBackupIsTurnedOnAgain() throws Exception {
        SimulatedWorld.Device laptop = signedInDevice();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        laptop.personChanges(v -> v.add(deno));
        laptop.sync.enable(laptop.signedInAs.passkey);
        String forged = forgeWithTheSlotsPublicKey(laptop, fob.backup.Header.newLineage(
                new fob.backup.BouncyCastleCrypto()));
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
        SimulatedWorld.Device laptop = signedInDevice();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        laptop.personChanges(v -> v.add(deno));
        laptop.sync.enable(laptop.signedInAs.passkey);
        String forged = forgeWithTheSlotsPublicKey(laptop, Envelope.parse(laptop.get(null).body).lineage());

        SimulatedWorld.Device newMachine = signedInDevice();
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
        SimulatedWorld.Device laptop = backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
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

    /** The forger's envelope: a key of its own sealed to the device's passkey slot, one account "Planted". */
    private String forgeWithTheSlotsPublicKey(SimulatedWorld.Device victim, String lineage) throws Exception {
        BackupServer.Stored stored = victim.get(null);
        Envelope real = Envelope.parse(stored.body);
        fob.backup.SealedPasskeySlot slot = (fob.backup.SealedPasskeySlot) real.slots().stream()
                .filter(s -> s instanceof fob.backup.SealedPasskeySlot).findFirst().orElseThrow();
        byte[] forgedKey = SimulatedWorld.CODEC.newVaultKey();
        fob.backup.Header header = new fob.backup.Header(lineage, java.util.List.of(
                SimulatedWorld.CODEC.resealed(slot, forgedKey)));
        fob.vault.Vault planted = fob.vault.Vault.EMPTY.add(account("Planted", "JBSWY3DPEHPK3PXP"));
        String forged = SimulatedWorld.CODEC.seal(forgedKey, header, new fob.backup.BackupPayload(99, world.now,
                planted).toBytes()).toJson();
        victim.put(forged, stored.etag);
        return forged;
    }

    /**
     * Issue 23: the server commits a rotation (the old code and old versions gone) and its answer is lost. The new
     * code and key were kept before the request: the next pull finishes the rotation here, and the code, which opens
     * the backup, is offered until the person confirms saving it, across a reload too.
     */
    @Test
    void aRotationWhoseAnswerWasLostIsFinishedAndItsCodeOffered() throws Exception {
        SimulatedWorld.Device laptop = backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        byte[] oldKey = laptop.vaultKey.clone();
        world.adversary.loseNextResponses(1);
        ServerFailure lost = assertThrows(ServerFailure.class, () -> laptop.sync.rotate(null, null));
        assertTrue(lost.getMessage().startsWith("The server did not answer the key rotation."), lost.getMessage());
        Envelope rotated = Envelope.parse(laptop.get(null).body);
        assertThrows(fob.backup.BackupException.class, () -> SimulatedWorld.CODEC.open(rotated, oldKey),
                "the server committed it");
        assertNull(laptop.sync.unsavedRecoveryCode(), "not offered before it is finished here");

        BackupSync reloaded = new BackupSync(laptop, laptop, laptop, laptop, laptop::clock, SimulatedWorld.CODEC);
        reloaded.start();
        String code = reloaded.unsavedRecoveryCode();
        assertNotNull(code, "finished after a reload, and offered");
        byte[] viaCode = SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(rotated, code);
        assertArrayEquals(laptop.vaultKey, viaCode, "the code opens the backup, and this browser holds its key");
        assertEquals(SyncStatus.UP_TO_DATE, reloaded.status());

        reloaded.recoveryCodeSaved("0000-0000-0000-0000-0000-0000-0000-0000");
        assertEquals(code, reloaded.unsavedRecoveryCode(), "another code confirms nothing");
        reloaded.recoveryCodeSaved(code);
        assertNull(reloaded.unsavedRecoveryCode());
    }

    /** A rotation the server never took (412 until the retries ran out, or refused) leaves the old code working. */
    @Test
    void aRotationTheServerRefusedKeepsTheOldCode() throws Exception {
        SimulatedWorld.Device laptop = signedInDevice();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        laptop.personChanges(v -> v.add(deno));
        Enabled enabled = laptop.sync.enable(laptop.signedInAs.passkey);
        laptop.sync.recoveryCodeSaved(enabled.recoveryCode);
        laptop.online = false;
        assertThrows(ServerFailure.class, () -> laptop.sync.rotate(null, null));
        laptop.online = true;
        laptop.sync.pull();
        Envelope now = Envelope.parse(laptop.get(null).body);
        SimulatedWorld.CODEC.open(now, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(now, enabled.recoveryCode));
        assertNull(laptop.sync.unsavedRecoveryCode(), "no other code is offered");
    }

    /** A code shown but not confirmed is offered again after a reload; confirming it ends that. */
    @Test
    void anUnconfirmedCodeIsOfferedAgainAfterAReload() throws Exception {
        SimulatedWorld.Device laptop = backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        Rotation rotation = laptop.sync.rotate(null, null);
        BackupSync reloaded = new BackupSync(laptop, laptop, laptop, laptop, laptop::clock, SimulatedWorld.CODEC);
        reloaded.start();
        assertEquals(rotation.recoveryCode, reloaded.unsavedRecoveryCode());
        reloaded.recoveryCodeSaved(rotation.recoveryCode);
        assertNull(laptop.sync.unsavedRecoveryCode());
    }

    /**
     * Turning backup on, the server makes the backup but the answer is lost: turning it on again finds the backup
     * this browser made, joins it and shows its code (it is the only code that opens it).
     */
    @Test
    void aNewBackupWhoseAnswerWasLostShowsItsCodeWhenBackupIsTurnedOnAgain() throws Exception {
        SimulatedWorld.Device laptop = signedInDevice();
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

    /** A session that ended: the change waits, and goes up once the person signs in again with the passkey. */
    @Test
    void aChangeMadeWhileSignedOutGoesUpAfterThePasskeySignIn() throws Exception {
        SimulatedWorld.Device laptop = backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
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

