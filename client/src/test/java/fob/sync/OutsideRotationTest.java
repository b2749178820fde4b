package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.vault.Account;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: every revocation rotates, whether or not backup is on in the browser where the person makes it. The
 * laptop has Cloud backup off; the phone backs up. Removing a passkey on the laptop gives the backup new keys,
 * opened through the laptop's passkey sign-in; the removed passkey and the old code open nothing written since.
 */
class OutsideRotationTest {
    private final Random random = new Random(11);
    private final SimulatedWorld world = new SimulatedWorld();

    private SimulatedWorld.Device signedIn() {
        if (world.accounts.isEmpty()) {
            world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-a", "Ann", random));
        }
        SimulatedWorld.Device device = world.addDevice(random);
        device.signedInAs = world.accounts.get(0);
        device.sync.signedIn(device.signedInAs.asServerAccount());
        return device;
    }

    @Test
    void aPasskeyRemovedInABrowserWithBackupOffStillRotatesTheKeys() throws Exception {
        SimulatedWorld.Device phone = signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        phone.personChanges(v -> v.add(deno));
        Enabled enabled = phone.sync.enable(phone.signedInAs.passkey);
        PasskeyKey removed = new PasskeyKey(new byte[] {4, 4, 4}, new byte[32]);
        random.nextBytes(removed.prf);
        phone.sync.ensurePasskeySlot(removed);
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        byte[] oldKey = phone.vaultKey.clone();

        SimulatedWorld.Device laptop = signedIn();
        assertFalse(laptop.sync.state().enabled, "backup is off on the laptop");
        byte[] laptopKey = laptop.vaultKey.clone();
        Rotation rotation = laptop.sync.rotateFromOutside(laptop.signedInAs.passkey, null,
                removed.credentialId);
        assertNotNull(rotation);

        Envelope rotated = Envelope.parse(laptop.get(null).body);
        assertThrows(BackupException.class, () -> SimulatedWorld.CODEC.open(rotated, oldKey), "a new key");
        assertThrows(BackupException.class, () -> SimulatedWorld.CODEC.vaultKeyFromPasskey(rotated,
                removed.credentialId, removed.prf), "the removed passkey has no slot");
        assertThrows(BackupException.class, () -> SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(rotated,
                enabled.recoveryCode), "the old code opens nothing");
        byte[] newKey = SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(rotated, rotation.recoveryCode);
        assertEquals(List.of("Deno"), BackupPayload.read(SimulatedWorld.CODEC.open(rotated, newKey)).vault()
                .accounts().stream().map(Account::issuer).toList(), "the backup's accounts, as they were");
        assertArrayEquals(laptopKey, laptop.vaultKey, "the laptop's own vault keeps its key");
        assertFalse(laptop.sync.state().enabled, "and does not join the backup");
        assertEquals(rotation.recoveryCode, laptop.sync.unsavedRecoveryCode(), "the code is kept until saved");

        phone.sync.pull();
        assertEquals(SyncStatus.KEYS_CHANGED, phone.sync.status());
        assertTrue(phone.sync.adoptRotatedKey(phone.signedInAs.passkey), "the phone adopts the new key");
        assertArrayEquals(newKey, phone.vaultKey);
    }

    @Test
    void aForgedBackupIsNotRotatedFromOutside() throws Exception {
        SimulatedWorld.Device phone = signedIn();
        Account deno = account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ");
        phone.personChanges(v -> v.add(deno));
        phone.sync.enable(phone.signedInAs.passkey);
        BackupServer.Stored stored = phone.get(null);
        fob.backup.SealedPasskeySlot slot = (fob.backup.SealedPasskeySlot) Envelope.parse(stored.body).slots()
                .get(0);
        byte[] forgedKey = SimulatedWorld.CODEC.newVaultKey();
        String forged = SimulatedWorld.CODEC.seal(forgedKey, new fob.backup.Header(Envelope.parse(stored.body)
                .lineage(), List.of(SimulatedWorld.CODEC.resealed(slot, forgedKey))),
                new BackupPayload(50, world.now, fob.vault.Vault.EMPTY).toBytes()).toJson();
        phone.put(forged, stored.etag);

        SimulatedWorld.Device laptop = signedIn();
        assertThrows(fob.backup.UntrustedBackupException.class,
                () -> laptop.sync.rotateFromOutside(laptop.signedInAs.passkey, null, null));
        assertEquals(forged, laptop.get(null).body, "nothing written");
        assertNull(laptop.sync.unsavedRecoveryCode());
    }

    /** The answer to a rotation from outside is lost: at the next start the server holds it, and its code is shown. */
    @Test
    void aRotationFromOutsideWhoseAnswerWasLostShowsItsCodeAtTheNextStart() throws Exception {
        SimulatedWorld.Device phone = signedIn();
        phone.sync.enable(phone.signedInAs.passkey);
        SimulatedWorld.Device laptop = signedIn();
        world.adversary.loseNextResponses(1);
        assertThrows(ServerFailure.class,
                () -> laptop.sync.rotateFromOutside(laptop.signedInAs.passkey, null, null));
        assertNull(laptop.sync.unsavedRecoveryCode(), "not shown while it is not known to be on the server");
        BackupSync reloaded = new BackupSync(laptop, laptop, laptop, laptop, laptop::clock, SimulatedWorld.CODEC);
        reloaded.start();
        String code = reloaded.unsavedRecoveryCode();
        assertNotNull(code);
        Envelope now = Envelope.parse(laptop.get(null).body);
        SimulatedWorld.CODEC.open(now, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(now, code));
    }
}
