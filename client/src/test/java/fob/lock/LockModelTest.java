package fob.lock;

import static org.junit.jupiter.api.Assertions.fail;

import fob.crypto.Aead;
import fob.crypto.BouncyCastleAead;
import fob.crypto.DecryptionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of the app lock (issue 13): tabs of one browser take random steps (add an account, set or
 * change a lock password, add a lock passkey, turn the lock off, lock now, unlock with a right or a wrong secret,
 * idle time, input, a hidden tab, a restore that replaces the vault key, reload, reset) against a simulated
 * storage that does what the page's store does with a {@link LockKeeper} per tab. After every step:
 * <ul>
 * <li>with a lock, the stored record holds no vault key that the device key alone opens, and the lock opens with
 * every secret the person set (and with no other);
 * <li>a locked tab shows nothing, and holds no lock key;
 * <li>a locked tab's write, a wrong secret, and an idle or hidden lock change nothing stored;
 * <li>the stored vault holds exactly the accounts the person added (none lost, none twice).
 * </ul>
 * A failure prints its seed. {@code -Dfob.lockModel.sequences/steps/seed} set the size or replay one sequence.
 * The password's key stands in for Argon2id (HKDF of the password): the worker derives it in the page.
 */
class LockModelTest {
    private static final int SEQUENCES = Integer.getInteger("fob.lockModel.sequences", 200);
    private static final int STEPS = Integer.getInteger("fob.lockModel.steps", 60);
    private static final byte[] DEVICE_KEY_DATA = "fob vault key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VAULT_DATA = "fob vault v1".getBytes(StandardCharsets.US_ASCII);
    private static final String[] KINDS = {"add account", "set password", "add passkey", "turn lock off",
        "lock now", "unlock with password", "unlock with wrong password", "unlock with passkey",
        "unlock with wrong passkey", "time passes", "input", "hide tab", "restore", "reload", "reset",
        "write from a locked tab"};

    private static final Aead CRYPTO = new BouncyCastleAead();

    /** What IndexedDB holds: the record (plain wrapped key xor lock), and the device key. */
    private static final class Storage {
        byte[] deviceKey;
        byte[] keyNonce;
        byte[] wrappedKey;
        String lock;
        byte[] nonce;
        byte[] ciphertext;
        int revision;

        String snapshot() {
            return Arrays.toString(deviceKey) + Arrays.toString(keyNonce) + Arrays.toString(wrappedKey) + lock
                    + Arrays.toString(ciphertext) + revision;
        }
    }

    /** One tab: its keeper, what it shows (null: nothing), and its idle timer. */
    private static final class Tab {
        final LockKeeper keeper = new LockKeeper(CRYPTO);
        List<String> shown;
        byte[] deviceWrapped;
        byte[] vaultKey;
        IdleLock idle;
        boolean hidden;
        /** The model's view: whether the person unlocked this tab (or set its lock) since it last locked. */
        boolean unlocked;
    }

    private static final class World {
        final Random random;
        final Storage storage = new Storage();
        final List<Tab> tabs = new ArrayList<>();
        final List<String> accounts = new ArrayList<>();
        String password;
        final List<byte[][]> passkeys = new ArrayList<>();
        long now = 1_000_000;
        int added;

        World(long seed) throws Exception {
            random = new Random(seed);
            storage.deviceKey = CRYPTO.random(32);
            byte[] vaultKey = CRYPTO.random(32);
            storage.keyNonce = CRYPTO.random(12);
            storage.wrappedKey = CRYPTO.seal(storage.deviceKey, storage.keyNonce, DEVICE_KEY_DATA, vaultKey);
            writeVault(vaultKey, accounts);
            for (int i = 0; i < 2; i++) {
                Tab tab = new Tab();
                tab.idle = new IdleLock(now, 60_000, random.nextBoolean());
                tabs.add(tab);
                load(tab);
            }
        }

        void writeVault(byte[] vaultKey, List<String> content) {
            storage.nonce = CRYPTO.random(12);
            storage.ciphertext = CRYPTO.seal(vaultKey, storage.nonce, VAULT_DATA,
                    String.join("\n", content).getBytes(StandardCharsets.UTF_8));
            storage.revision++;
        }

        /** What the page's store does on every read: the lock through the keeper, then the vault. */
        void load(Tab tab) throws Exception {
            tab.keeper.read(storage.lock == null ? null : AppLockJson.read(storage.lock));
            tab.shown = null;
            tab.vaultKey = null;
            tab.deviceWrapped = null;
            if (tab.keeper.state() == LockKeeper.State.LOCKED) {
                return;
            }
            tab.deviceWrapped = storage.lock == null ? storage.wrappedKey : tab.keeper.deviceWrappedKey();
            tab.vaultKey = CRYPTO.open(storage.deviceKey, storage.keyNonce, DEVICE_KEY_DATA, tab.deviceWrapped);
            tab.shown = content(CRYPTO.open(tab.vaultKey, storage.nonce, VAULT_DATA, storage.ciphertext));
        }

        static List<String> content(byte[] plaintext) {
            String text = new String(plaintext, StandardCharsets.UTF_8);
            return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\n")));
        }

        /** A write of the record by an unlocked tab, with {@code change} as its new lock (or the one it has). */
        void store(Tab tab, LockKeeper.Change change, boolean lockOff) {
            if (lockOff) {
                storage.lock = null;
                storage.wrappedKey = tab.deviceWrapped;
            } else if (change != null) {
                storage.lock = AppLockJson.write(change.lock);
                storage.wrappedKey = null;
            }
            writeVault(tab.vaultKey, tab.shown);
            if (lockOff || change != null) {
                tab.keeper.written(change);
            }
            // TabSync: every other tab reads what was written.
            for (Tab other : tabs) {
                if (other != tab) {
                    try {
                        load(other);
                    } catch (Exception e) {
                        throw new IllegalStateException("another tab cannot read what was written: " + e, e);
                    }
                }
            }
        }

        static byte[] passwordKey(String password) {
            return CRYPTO.hkdf(password.getBytes(StandardCharsets.UTF_8), new byte[0], new byte[0], 32);
        }
    }

    @Test
    void randomSequencesKeepEveryInvariant() throws Exception {
        Long replay = Long.getLong("fob.lockModel.seed");
        long base = replay != null ? replay : new Random().nextLong();
        int sequences = replay != null ? 1 : SEQUENCES;
        int[] counts = new int[KINDS.length];
        for (int i = 0; i < sequences; i++) {
            long seed = base + i;
            World world = new World(seed);
            for (int step = 0; step < STEPS; step++) {
                int kind = world.random.nextInt(KINDS.length);
                String broken;
                try {
                    broken = step(world, kind);
                    if (broken == null) {
                        broken = invariants(world);
                    }
                } catch (Exception | AssertionError e) {
                    broken = "threw " + e;
                }
                if (broken != null) {
                    fail("LockModelTest failed with seed " + seed + " (replay with -Dfob.lockModel.seed=" + seed
                            + ") at step " + (step + 1) + " (" + KINDS[kind] + "): " + broken);
                }
                counts[kind]++;
            }
        }
        StringBuilder summary = new StringBuilder();
        for (int k = 0; k < KINDS.length; k++) {
            summary.append(k == 0 ? "" : ", ").append(KINDS[k]).append(' ').append(counts[k]);
        }
        System.out.println("LockModelTest: " + sequences + " sequences of " + STEPS + " steps, seeds " + base + " to "
                + (base + sequences - 1) + ", no invariant violated (" + summary + ")");
    }

    private static Tab unlockedTab(World world) {
        List<Tab> unlocked = new ArrayList<>();
        for (Tab tab : world.tabs) {
            if (tab.keeper.state() != LockKeeper.State.LOCKED) {
                unlocked.add(tab);
            }
        }
        return unlocked.isEmpty() ? null : unlocked.get(world.random.nextInt(unlocked.size()));
    }

    private static String step(World world, int kind) throws Exception {
        Tab tab = world.tabs.get(world.random.nextInt(world.tabs.size()));
        Tab open = unlockedTab(world);
        String before = world.storage.snapshot();
        switch (kind) {
            case 0: // add account: an unlocked tab stores the newest vault with its change
                if (open != null) {
                    world.load(open);
                    String account = "account-" + world.added++;
                    open.shown.add(account);
                    world.store(open, null, false);
                    world.accounts.add(account);
                }
                return null;
            case 1: { // set (or change) the lock password
                if (open == null) {
                    return null;
                }
                world.load(open);
                String password = "password-" + world.random.nextInt(1000);
                byte[] salt = CRYPTO.random(16);
                world.store(open, open.keeper.withPassword(open.deviceWrapped, World.passwordKey(password), salt,
                        PasswordLockSlot.MEMORY_KIB, PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM),
                        false);
                world.password = password;
                open.unlocked = true;
                return null;
            }
            case 2: { // add a passkey
                if (open == null || world.passkeys.size() >= AppLock.MAX_PASSKEYS) {
                    return null;
                }
                world.load(open);
                byte[] credentialId = CRYPTO.random(16);
                byte[] prf = CRYPTO.random(32);
                world.store(open, open.keeper.withPasskey(open.deviceWrapped, credentialId, prf), false);
                world.passkeys.add(new byte[][] {credentialId, prf});
                open.unlocked = true;
                return null;
            }
            case 3: // turn the lock off: an unlocked tab, after the secret is checked again
                if (open == null || world.storage.lock == null) {
                    return null;
                }
                world.load(open);
                if (world.password != null) {
                    open.keeper.checkPassword(World.passwordKey(world.password));
                } else {
                    open.keeper.checkPasskey(world.passkeys.get(0)[0], world.passkeys.get(0)[1]);
                }
                world.store(open, null, true);
                world.password = null;
                world.passkeys.clear();
                for (Tab each : world.tabs) {
                    each.unlocked = false;
                }
                return null;
            case 4: // lock now: one tab locks, and tells the others
                for (Tab each : world.tabs) {
                    each.keeper.forgetKey();
                    each.unlocked = false;
                    world.load(each);
                }
                return unchanged(world, before, "lock now");
            case 5: // the right password
                if (world.password == null || tab.keeper.state() != LockKeeper.State.LOCKED) {
                    return null;
                }
                tab.keeper.unlockWithPassword(World.passwordKey(world.password));
                tab.unlocked = true;
                world.load(tab);
                return tab.shown == null ? "the right password did not unlock" : unchanged(world, before, "unlock");
            case 6: { // a wrong password
                if (world.storage.lock == null) {
                    return null;
                }
                LockKeeper.State state = tab.keeper.state();
                try {
                    tab.keeper.unlockWithPassword(World.passwordKey("wrong" + world.random.nextInt()));
                    return "a wrong password unlocked";
                } catch (WrongSecretException expected) {
                    // as it must
                }
                return tab.keeper.state() != state ? "a wrong password changed the tab's state"
                        : unchanged(world, before, "a wrong password");
            }
            case 7: { // a passkey of the lock
                if (world.passkeys.isEmpty() || tab.keeper.state() != LockKeeper.State.LOCKED) {
                    return null;
                }
                byte[][] passkey = world.passkeys.get(world.random.nextInt(world.passkeys.size()));
                tab.keeper.unlockWithPasskey(passkey[0], passkey[1]);
                tab.unlocked = true;
                world.load(tab);
                return tab.shown == null ? "the passkey did not unlock" : unchanged(world, before, "unlock");
            }
            case 8: { // a passkey that is not the lock's, or a lock passkey giving another PRF output
                if (world.storage.lock == null) {
                    return null;
                }
                byte[] credentialId = world.passkeys.isEmpty() || world.random.nextBoolean() ? CRYPTO.random(16)
                        : world.passkeys.get(0)[0];
                try {
                    tab.keeper.unlockWithPasskey(credentialId, CRYPTO.random(32));
                    return "a wrong passkey unlocked";
                } catch (WrongSecretException expected) {
                    return unchanged(world, before, "a wrong passkey");
                }
            }
            case 9: // time passes: every tab checks its idle timer
                world.now += world.random.nextInt(90_000);
                for (Tab each : world.tabs) {
                    if (each.idle.due(world.now, each.hidden) && each.keeper.state() == LockKeeper.State.UNLOCKED) {
                        each.unlocked = false;
                        each.keeper.forgetKey();
                        world.load(each);
                    }
                }
                return unchanged(world, before, "an idle lock");
            case 10:
                tab.idle.activity(world.now);
                tab.hidden = false;
                return null;
            case 11:
                tab.hidden = true;
                if (tab.idle.due(world.now, true) && tab.keeper.state() == LockKeeper.State.UNLOCKED) {
                    tab.unlocked = false;
                    tab.keeper.forgetKey();
                    world.load(tab);
                }
                return unchanged(world, before, "hiding a tab");
            case 12: { // a restore: a new vault key for the same accounts, the lock resealed over it
                if (open == null) {
                    return null;
                }
                world.load(open);
                byte[] newVaultKey = CRYPTO.random(32);
                world.storage.keyNonce = CRYPTO.random(12);
                byte[] wrapped = CRYPTO.seal(world.storage.deviceKey, world.storage.keyNonce, DEVICE_KEY_DATA,
                        newVaultKey);
                LockKeeper.Change resealed = open.keeper.resealed(wrapped);
                open.deviceWrapped = wrapped;
                open.vaultKey = newVaultKey;
                if (resealed == null) {
                    world.storage.wrappedKey = wrapped;
                }
                world.store(open, resealed, false);
                return null;
            }
            case 13:
                world.load(tab);
                return unchanged(world, before, "a reload");
            case 14: // reset: everything of this browser goes; every tab reloads into an empty vault
                if (world.storage.lock == null || world.random.nextInt(4) != 0) {
                    return null;
                }
                world.storage.deviceKey = CRYPTO.random(32);
                byte[] vaultKey = CRYPTO.random(32);
                world.storage.keyNonce = CRYPTO.random(12);
                world.storage.wrappedKey = CRYPTO.seal(world.storage.deviceKey, world.storage.keyNonce,
                        DEVICE_KEY_DATA, vaultKey);
                world.storage.lock = null;
                world.accounts.clear();
                world.writeVault(vaultKey, world.accounts);
                world.password = null;
                world.passkeys.clear();
                for (Tab each : world.tabs) {
                    each.unlocked = false;
                    world.load(each);
                }
                return null;
            case 15: // a locked tab tries to write: the page's store refuses before it seals anything
                if (tab.keeper.state() != LockKeeper.State.LOCKED) {
                    return null;
                }
                try {
                    tab.keeper.deviceWrappedKey();
                    return "a locked tab got the vault key to write with";
                } catch (WrongSecretException expected) {
                    // refused
                }
                try {
                    tab.keeper.withPassword(new byte[48], World.passwordKey("x"), new byte[16], 65536, 3, 1);
                    return "a locked tab changed the lock";
                } catch (WrongSecretException expected) {
                    return unchanged(world, before, "a locked tab's write");
                }
            default:
                throw new IllegalStateException();
        }
    }

    private static String unchanged(World world, String before, String what) {
        return world.storage.snapshot().equals(before) ? null : what + " changed what is stored";
    }

    private static String invariants(World world) throws Exception {
        Storage storage = world.storage;
        if (storage.lock != null) {
            if (storage.wrappedKey != null) {
                return "a locked record still holds the device-wrapped vault key";
            }
            AppLock lock = AppLockJson.read(storage.lock);
            byte[] viaPassword = null;
            if (world.password != null) {
                viaPassword = lock.openWithPassword(CRYPTO, World.passwordKey(world.password));
            } else if (lock.passwordSlot() != null) {
                return "the lock has a password the person did not set";
            }
            if (lock.passkeySlots().size() != world.passkeys.size()) {
                return "the lock has " + lock.passkeySlots().size() + " passkeys, not " + world.passkeys.size();
            }
            for (byte[][] passkey : world.passkeys) {
                byte[] key = lock.openWithPasskey(CRYPTO, passkey[0], passkey[1]);
                if (viaPassword != null && !Arrays.equals(key, viaPassword)) {
                    return "the password and a passkey open different lock keys";
                }
                viaPassword = key;
            }
            byte[] vaultKey = CRYPTO.open(storage.deviceKey, storage.keyNonce, DEVICE_KEY_DATA,
                    lock.deviceWrappedKey(CRYPTO, viaPassword));
            if (!World.content(CRYPTO.open(vaultKey, storage.nonce, VAULT_DATA, storage.ciphertext))
                    .equals(world.accounts)) {
                return "the stored vault is not the person's accounts";
            }
            // The device key alone: nothing in the record opens with it.
            for (byte[] field : new byte[][] {lock.sealedKey(), storage.ciphertext}) {
                try {
                    CRYPTO.open(storage.deviceKey, storage.keyNonce, DEVICE_KEY_DATA, field);
                    return "the device key alone opened a field of a locked record";
                } catch (DecryptionException expected) {
                    // as it must
                }
            }
        } else {
            if (world.password != null || !world.passkeys.isEmpty()) {
                return "the lock is gone but the person did not turn it off";
            }
            byte[] vaultKey = CRYPTO.open(storage.deviceKey, storage.keyNonce, DEVICE_KEY_DATA, storage.wrappedKey);
            if (!World.content(CRYPTO.open(vaultKey, storage.nonce, VAULT_DATA, storage.ciphertext))
                    .equals(world.accounts)) {
                return "the stored vault is not the person's accounts";
            }
        }
        for (Tab tab : world.tabs) {
            LockKeeper.State expected = storage.lock == null ? LockKeeper.State.NONE
                    : tab.unlocked ? LockKeeper.State.UNLOCKED : LockKeeper.State.LOCKED;
            if (tab.keeper.state() != expected) {
                return "a tab is " + tab.keeper.state() + ", not " + expected;
            }
            if (tab.keeper.state() == LockKeeper.State.LOCKED && tab.shown != null) {
                return "a locked tab shows accounts";
            }
            if (tab.keeper.state() == LockKeeper.State.LOCKED && storage.lock == null) {
                return "a tab is locked without a lock";
            }
            if (tab.shown != null && !tab.shown.equals(world.accounts)) {
                return "an unlocked tab shows other accounts than the stored ones";
            }
        }
        return null;
    }
}
