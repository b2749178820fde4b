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
import fob.backup.Envelope;
import fob.codec.Base64Url;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The recovery account's policy ({@link RecoveryAccount}) over the real sync core in a {@link SimulatedWorld}: which
 * actions give the backup new keys, what a sign-in does, and the one sign-in again that an action the server refuses
 * without a recent one asks for. The page's passkey ceremonies and account requests are {@link Page}, which acts on
 * the simulated server as the real ones act on Fob's.
 */
class RecoveryAccountTest {
    private final Random random = new Random(5);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);

    /** The page's side on one simulated device: the person's passkey ceremonies and the account's requests. */
    private static final class Page implements PasskeyCeremonies, AccountServer {
        final SimulatedWorld.Device device;
        /** Whose passkey the person uses; null: the account the device is signed in to, or the first. */
        SimulatedWorld.RecoveryAccount person;
        /** The key the person's passkey gives; null: that account's one synced passkey. */
        PasskeyKey passkey;
        /** The person cancels the next ceremony, or lets it time out. */
        PasskeyFailure refuseNext;
        /** Whether a sign-in again counts as recent for the server (false: it goes on refusing). */
        boolean reauthenticationIsRecent = true;
        int signIns;
        int reauthentications;
        /** The key of the passkey added last. */
        PasskeyKey added;
        final List<String> requests = new ArrayList<>();
        private final SimulatedWorld world;

        Page(SimulatedWorld world, SimulatedWorld.Device device) {
            this.world = world;
            this.device = device;
        }

        private SimulatedWorld.RecoveryAccount who() {
            return person != null ? person : device.signedInAs != null ? device.signedInAs : world.accounts.get(0);
        }

        private Ceremony ceremony(SimulatedWorld.RecoveryAccount account) {
            return new Ceremony(account.asServerAccount(), passkey != null ? passkey : account.passkey);
        }

        private void personActs() throws PasskeyFailure {
            PasskeyFailure refused = refuseNext;
            refuseNext = null;
            if (refused != null) {
                throw refused;
            }
        }

        @Override
        public Ceremony createAccount(String name) {
            throw new UnsupportedOperationException("not in these tests");
        }

        @Override
        public Ceremony signIn() throws PasskeyFailure {
            personActs();
            signIns++;
            SimulatedWorld.RecoveryAccount account = who();
            device.signedInAs = account;
            device.signedInRecently = true;
            return ceremony(account);
        }

        @Override
        public Ceremony reauthenticate() throws ServerFailure, PasskeyFailure {
            reauthentications++;
            if (device.signedInAs == null) {
                throw ServerFailure.answered(401, "not_signed_in", "You are signed out", -1);
            }
            personActs();
            device.signedInRecently = reauthenticationIsRecent;
            return ceremony(who());
        }

        @Override
        public PasskeyKey addPasskey() throws ServerFailure {
            device.requireRecentSignIn();
            byte[] credential = new byte[16];
            byte[] prf = new byte[32];
            Random random = new Random(9);
            random.nextBytes(credential);
            random.nextBytes(prf);
            requests.add("add passkey");
            added = new PasskeyKey(credential, prf);
            return added;
        }

        @Override
        public void signOut() {
            device.signedInAs = null;
            requests.add("sign out");
        }

        @Override
        public void deleteAccount() throws ServerFailure {
            device.requireRecentSignIn();
            requests.add("delete account");
        }

        @Override
        public void removePasskey(String id) throws ServerFailure {
            device.requireRecentSignIn();
            requests.add("remove passkey " + id);
        }

        @Override
        public void endSession(String id) throws ServerFailure {
            if (id.equals("this")) {
                device.signedInAs = null;
            } else {
                device.requireRecentSignIn();
            }
            requests.add("end session " + id);
        }

        @Override
        public int endOtherSessions() throws ServerFailure {
            device.requireRecentSignIn();
            requests.add("end other sessions");
            return 1;
        }
    }

    private static RecoveryAccount recoveryAccount(Page page) {
        return new RecoveryAccount(page.device.sync, page, page);
    }

    private static SignedInDevice device(String id, boolean current) {
        return new SignedInDevice(id, "Laptop", 1, 2, current);
    }

    /** The backup's envelope on the server now. */
    private static Envelope onServer(SimulatedWorld.Device device) throws Exception {
        return Envelope.parse(device.get(null).body);
    }

    /** A device backing up, whose server wants a recent passkey sign-in, and whose last one is older. */
    private SimulatedWorld.Device backedUpWithAnOldSignIn() throws Exception {
        SimulatedWorld.Device device = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        device.requiresRecentSignIn = true;
        device.signedInRecently = false;
        return device;
    }

    @Test
    void removingAPasskeyRotatesTheKeysWithoutItsSlot() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        PasskeyKey lost = new PasskeyKey(new byte[] {7, 7, 7}, new byte[32]);
        random.nextBytes(lost.prf);
        laptop.sync.ensurePasskeySlot(lost);
        world.advance(0);
        byte[] oldKey = laptop.vaultKey.clone();
        assertArrayEquals(oldKey, SimulatedWorld.CODEC.vaultKeyFromPasskey(onServer(laptop), lost.credentialId,
                lost.prf), "the passkey opened the backup before");

        Rotation rotation = recoveryAccount(new Page(world, laptop)).removePasskey(Base64Url.encode(
                lost.credentialId));

        assertNotNull(rotation);
        Envelope now = onServer(laptop);
        assertThrows(BackupException.class, () -> SimulatedWorld.CODEC.vaultKeyFromPasskey(now, lost.credentialId,
                lost.prf), "the removed passkey has no slot");
        assertThrows(BackupException.class, () -> SimulatedWorld.CODEC.open(now, oldKey), "a new key");
        assertArrayEquals(laptop.vaultKey, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(now, rotation.recoveryCode));
    }

    @Test
    void signingAnotherDeviceOutRotatesTheKeysAndSigningThisOneOutDoesNot() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        Page page = new Page(world, laptop);
        RecoveryAccount account = recoveryAccount(page);
        byte[] oldKey = laptop.vaultKey.clone();

        assertNotNull(account.signOutDevice(device("phone", false)), "the phone still holds the old key");
        assertFalse(Arrays.equals(oldKey, laptop.vaultKey));
        assertNotNull(account.signOutEverywhereElse(), "and so does every other device");
        long rotations = world.rotations;
        String body = laptop.get(null).body;

        assertNull(account.signOutDevice(device("this", true)));
        assertEquals(rotations, world.rotations, "signing this browser out rotates nothing");
        assertNull(laptop.sync.account(), "it is signed out");
        laptop.signedInAs = world.accounts.get(0);
        assertEquals(body, laptop.get(null).body);
        assertEquals(List.of("end session phone", "end other sessions", "end session this"), page.requests);
    }

    @Test
    void turningAppLockOnGivesTheBackupNewKeysWithBackupOnAndTheVaultAloneWithBackupOff() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        byte[] oldKey = laptop.vaultKey.clone();
        long rotations = world.rotations;
        recoveryAccount(new Page(world, laptop)).newKeysForAppLock();
        assertEquals(rotations + 1, world.rotations);
        assertArrayEquals(laptop.vaultKey, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(onServer(laptop),
                laptop.sync.unsavedRecoveryCode()), "the backup's new code, offered until saved, opens the new key");
        assertFalse(Arrays.equals(oldKey, laptop.vaultKey));

        SimulatedWorld.Device phone = devices.signedIn();
        byte[] phoneKey = phone.vaultKey.clone();
        String body = phone.get(null).body;
        recoveryAccount(new Page(world, phone)).newKeysForAppLock();
        assertFalse(Arrays.equals(phoneKey, phone.vaultKey), "backup off: the vault alone gets a new key");
        assertEquals(body, phone.get(null).body);
        assertEquals(rotations + 1, world.rotations);
    }

    @Test
    void appLockWithBackupOnButSignedInElsewhereKeepsTheKey() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-b", "Bo", random));
        laptop.signedInAs = world.accounts.get(1);
        laptop.sync.signedIn(laptop.signedInAs.asServerAccount());
        byte[] key = laptop.vaultKey.clone();
        BackupException refused = assertThrows(BackupException.class,
                () -> recoveryAccount(new Page(world, laptop)).newKeysForAppLock());
        assertEquals("sign in to the recovery account this browser backs up to", refused.getMessage());
        assertArrayEquals(key, laptop.vaultKey);
    }

    @Test
    void addingAPasskeyGivesItASlotAndDeletingTheBackupRotatesNothing() throws Exception {
        SimulatedWorld.Device laptop = backedUpWithAnOldSignIn();
        Page page = new Page(world, laptop);
        RecoveryAccount account = recoveryAccount(page);
        byte[] key = laptop.vaultKey.clone();

        assertTrue(account.addPasskey(), "a passkey with PRF opens backups alone");
        assertEquals(1, page.reauthentications, "after the passkey sign-in the server asked for");
        world.advance(0);
        PasskeyKey added = page.added;
        assertArrayEquals(key, SimulatedWorld.CODEC.vaultKeyFromPasskey(onServer(laptop), added.credentialId,
                added.prf), "its slot opens the same key");

        account.deleteForAllDevices();
        assertEquals(0, world.rotations);
        assertNull(laptop.get(null));
        assertFalse(laptop.sync.state().enabled);
        assertArrayEquals(key, laptop.vaultKey);
    }

    @Test
    void aSignInAdoptsTheKeysAnotherDeviceRotated() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        SimulatedWorld.Device phone = devices.signedIn();
        phone.sync.beginRestore(phone.signedInAs.passkey).apply();
        laptop.sync.rotate(null, null);
        phone.sync.pull();
        assertEquals(SyncStatus.KEYS_CHANGED, phone.sync.status());

        PasskeyCeremonies.Ceremony ceremony = recoveryAccount(new Page(world, phone)).signIn();
        assertEquals("acct-a", ceremony.account.id);
        assertArrayEquals(laptop.vaultKey, phone.vaultKey, "the phone adopted the rotated key");
        assertEquals(SyncStatus.UP_TO_DATE, phone.sync.status());
    }

    @Test
    void aSignInWithAPasskeyThatHasNoSlotGivesItOne() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        Page page = new Page(world, laptop);
        page.passkey = new PasskeyKey(new byte[] {3, 3, 3}, new byte[32]);
        random.nextBytes(page.passkey.prf);
        assertThrows(BackupException.class, () -> SimulatedWorld.CODEC.vaultKeyFromPasskey(onServer(laptop),
                page.passkey.credentialId, page.passkey.prf), "no slot before");

        recoveryAccount(page).signIn();
        world.advance(0);
        assertArrayEquals(laptop.vaultKey, SimulatedWorld.CODEC.vaultKeyFromPasskey(onServer(laptop),
                page.passkey.credentialId, page.passkey.prf));
    }

    @Test
    void aSignInWithBackupOffGivesNoSlotAndTurnsBackupOnNext() throws Exception {
        SimulatedWorld.Device laptop = devices.signedIn();
        laptop.signedInAs = null;
        laptop.sync.signedOut();
        RecoveryAccount account = recoveryAccount(new Page(world, laptop));
        account.signIn();
        assertEquals(RecoveryAccount.AfterSignIn.TURN_BACKUP_ON, account.afterSignIn());
        assertNull(laptop.get(null), "nothing written by the sign-in alone");
        account.enable(null);
        assertEquals(RecoveryAccount.AfterSignIn.NOTHING, account.afterSignIn());

        world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-b", "Bo", random));
        Page other = new Page(world, laptop);
        other.person = world.accounts.get(1);
        recoveryAccount(other).signIn();
        assertEquals(RecoveryAccount.AfterSignIn.CHOOSE_ACCOUNT, account.afterSignIn());
    }

    /** A sign-in again that the person cancels, or lets time out, changes nothing, and the error says so. */
    @Test
    void aCancelledOrTimedOutSignInAgainChangesNothingAndSaysSo() throws Exception {
        SimulatedWorld.Device laptop = backedUpWithAnOldSignIn();
        String body = laptop.get(null).body;
        byte[] key = laptop.vaultKey.clone();
        String code = laptop.sync.unsavedRecoveryCode();
        Page page = new Page(world, laptop);
        RecoveryAccount account = recoveryAccount(page);

        page.refuseNext = PasskeyFailure.of("NotAllowedError", "The operation either timed out or was not allowed.");
        PasskeyFailure cancelled = assertThrows(PasskeyFailure.class, () -> account.rotateKeys(null));
        assertEquals("The passkey request was cancelled or timed out", cancelled.getMessage());
        page.refuseNext = PasskeyFailure.of("AbortError", "The operation was aborted.");
        assertThrows(PasskeyFailure.class, () -> account.removePasskey(Base64Url.encode(new byte[] {7})));
        page.refuseNext = PasskeyFailure.of("NotAllowedError", "timed out");
        assertThrows(PasskeyFailure.class, account::deleteForAllDevices);

        assertEquals(body, laptop.get(null).body, "the backup is as it was");
        assertArrayEquals(key, laptop.vaultKey, "and so is the key");
        assertEquals(code, laptop.sync.unsavedRecoveryCode(), "and the code kept");
        assertEquals(List.of(), page.requests, "no passkey was removed");
        assertEquals(0, world.rotations);
    }

    /** The sign-in again is asked for once: a second refusal of the action is the person's to see. */
    @Test
    void theSignInAgainIsAskedForOnce() throws Exception {
        SimulatedWorld.Device laptop = backedUpWithAnOldSignIn();
        Page page = new Page(world, laptop);
        page.reauthenticationIsRecent = false;
        ServerFailure refused = assertThrows(ServerFailure.class, () -> recoveryAccount(page).rotateKeys(null));
        assertTrue(refused.needsRecentSignIn());
        assertEquals(1, page.reauthentications);
        assertEquals(0, world.rotations);

        page.reauthenticationIsRecent = true;
        assertNotNull(recoveryAccount(page).rotateKeys(null));
        assertEquals(2, page.reauthentications, "once more, for the second try");
        assertEquals(1, world.rotations);
    }

    /** A sign-in again that comes back for another recovery account repeats nothing. */
    @Test
    void aSignInAgainWithAnotherAccountsPasskeyRepeatsNothing() throws Exception {
        SimulatedWorld.Device laptop = backedUpWithAnOldSignIn();
        world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-b", "Bo", random));
        Page page = new Page(world, laptop);
        page.person = world.accounts.get(1);
        ServerFailure refused = assertThrows(ServerFailure.class, () -> recoveryAccount(page).removePasskey(
                Base64Url.encode(new byte[] {7})));
        assertEquals("other_account", refused.code());
        assertEquals(List.of(), page.requests);
        assertEquals(0, world.rotations);
        assertEquals("acct-a", laptop.sync.account().id, "still signed in to the account the action began on");
    }

    /**
     * This browser signed in with the passkey being removed, so the server ended its session: the rotation that
     * follows signs in from scratch, with a passkey of the same account, and goes on.
     */
    @Test
    void anEndedSessionSignsInFromScratchAndTheRotationGoesOn() throws Exception {
        SimulatedWorld.Device laptop = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        laptop.signedInAs = null;
        Page page = new Page(world, laptop);
        Rotation rotation = recoveryAccount(page).rotateKeys(null);
        assertEquals(1, page.signIns);
        assertArrayEquals(laptop.vaultKey, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(onServer(laptop),
                rotation.recoveryCode));
    }

    /** Issue 23: a revocation in a browser with backup off still gives the backup new keys, from outside. */
    @Test
    void aRevocationWithBackupOffHereRotatesFromOutside() throws Exception {
        SimulatedWorld.Device phone = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        byte[] oldKey = phone.vaultKey.clone();
        SimulatedWorld.Device laptop = devices.signedIn();
        Page page = new Page(world, laptop);
        Rotation rotation = recoveryAccount(page).signOutEverywhereElse();
        assertNotNull(rotation);
        assertEquals(1, page.reauthentications, "the backup is opened through a passkey sign-in made now");
        Envelope now = onServer(laptop);
        assertThrows(BackupException.class, () -> SimulatedWorld.CODEC.open(now, oldKey));
        SimulatedWorld.CODEC.open(now, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(now, rotation.recoveryCode));
        assertFalse(laptop.sync.state().enabled);
    }

    /** A revocation made, whose new keys could not be given: the person is told what still opens the backup. */
    @Test
    void aRevocationWhoseRotationCouldNotBeMadeSaysSo() throws Exception {
        devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        SimulatedWorld.Device laptop = devices.signedIn();
        Page page = new Page(world, laptop);
        page.refuseNext = PasskeyFailure.of("NotAllowedError", "timed out");
        BackupException told = assertThrows(BackupException.class,
                () -> recoveryAccount(page).signOutDevice(device("phone", false)));
        assertEquals("Done, but your backup could not be given new keys (The passkey request was cancelled or timed"
                + " out). Until it has them, what you removed can still open it: turn Cloud backup on here, or choose"
                + " \u201cRotate keys\u201d on a device where it is on.", told.getMessage());
        assertEquals(List.of("end session phone"), page.requests);
        assertEquals(0, world.rotations);
    }

    @Test
    void aPasskeyFailureSaysWhatTheBrowserRefused() {
        assertEquals("The passkey request was cancelled or timed out",
                PasskeyFailure.of("AbortError", "aborted").getMessage());
        assertEquals("This passkey is already registered with this account",
                PasskeyFailure.of("InvalidStateError", "exists").getMessage());
        assertEquals("The passkey could not be used (SecurityError: bad rp id)",
                PasskeyFailure.of("SecurityError", "SecurityError: bad rp id").getMessage());
        assertEquals("Passkey added.", RecoveryAccount.passkeyAdded(true));
    }
}
