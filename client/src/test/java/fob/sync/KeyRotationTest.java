package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.Envelope;
import fob.vault.Account;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Key rotation and the adoption of a rotated key (KeyRotation), each decision pinned on its own. */
class KeyRotationTest {
    private final Random random = new Random(7);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);

    /**
     * Issue 12: a rotation after a passkey was removed. Every envelope the server held before it is kept; afterwards
     * the old recovery code and the removed passkey's PRF open neither the newest backup nor any earlier envelope
     * sealed under the new key, while the remaining passkey (resealed without being at hand) and the new code do.
     * The other device keeps an edit it made offline across its adoption of the new key.
     */
    @Test
    void aRotationLocksOutTheOldCodeAndTheRemovedPasskeyAndTheOtherDeviceKeepsItsEdit() throws Exception {
        SimulatedWorld.Device laptop = devices.signedIn();
        SimulatedWorld.Device phone = devices.signedIn();
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
        SimulatedWorld.Device laptop = devices.signedIn();
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
}
