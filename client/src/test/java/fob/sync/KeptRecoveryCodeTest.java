package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.Envelope;
import fob.vault.Account;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The recovery code kept until the person saves it (KeptRecoveryCode), each decision pinned on its own. */
class KeptRecoveryCodeTest {
    private final Random random = new Random(7);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);

    /**
     * Issue 23: the server commits a rotation (the old code and old versions gone) and its answer is lost. The new
     * code and key were kept before the request: the next pull finishes the rotation here, and the code, which opens
     * the backup, is offered until the person confirms saving it, across a reload too.
     */
    @Test
    void aRotationWhoseAnswerWasLostIsFinishedAndItsCodeOffered() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
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
        SimulatedWorld.Device laptop = devices.signedIn();
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
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        Rotation rotation = laptop.sync.rotate(null, null);
        BackupSync reloaded = new BackupSync(laptop, laptop, laptop, laptop, laptop::clock, SimulatedWorld.CODEC);
        reloaded.start();
        assertEquals(rotation.recoveryCode, reloaded.unsavedRecoveryCode());
        reloaded.recoveryCodeSaved(rotation.recoveryCode);
        assertNull(laptop.sync.unsavedRecoveryCode());
    }
}
