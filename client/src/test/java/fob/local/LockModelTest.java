package fob.local;

import static org.junit.jupiter.api.Assertions.fail;

import fob.lock.AppLock;
import fob.lock.AppLockJson;
import fob.lock.IdleLock;
import fob.lock.LockKeeper;
import fob.lock.PasswordLockSlot;
import fob.lock.WrongSecretException;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of the app lock (issue 13) over the shipped {@link VaultKeeper}: tabs of one browser, each
 * with its own keeper over one {@link SimulatedBrowser}, take random steps (add an account, set or change a lock
 * password, add a lock passkey, turn the lock off, lock now, unlock with a right or a wrong secret, idle time,
 * input, a hidden tab, a restore that replaces the vault key, reload, reset, a locked tab's write). After every step:
 * <ul>
 * <li>with a lock, the stored record holds no wrapped vault key, a new tab with no secret reads nothing, and a new
 * tab unlocked with each secret the person set reads exactly the person's accounts;
 * <li>without a lock, a new tab reads exactly the person's accounts;
 * <li>a locked tab shows nothing; a locked tab's write, a wrong secret, and an idle or hidden lock change nothing
 * stored;
 * <li>the lock has exactly the secrets the person set.
 * </ul>
 * A failure prints its seed. {@code -Dfob.lockModel.sequences/steps/seed} set the size or replay one sequence.
 * The password's key stands in for Argon2id (a hash of the password): the worker derives it in the page.
 */
class LockModelTest {
    private static final int SEQUENCES = Integer.getInteger("fob.lockModel.sequences", 200);
    private static final int STEPS = Integer.getInteger("fob.lockModel.steps", 60);
    private static final String[] KINDS = {"add account", "set password", "add passkey", "turn lock off",
        "lock now", "unlock with password", "unlock with wrong password", "unlock with passkey",
        "unlock with wrong passkey", "time passes", "input", "hide tab", "restore", "reload", "reset",
        "write from a locked tab"};

    /** One tab: its keeper, what it shows (null: nothing), and its idle timer. */
    private static final class Tab {
        final VaultKeeper keeper;
        Vault shown;
        IdleLock idle;
        boolean hidden;
        /** The model's view: whether the person unlocked this tab (or set its lock) since it last locked. */
        boolean unlocked;

        Tab(VaultKeeper keeper) {
            this.keeper = keeper;
        }
    }

    private static final class World {
        final Random random;
        final SimulatedBrowser browser = new SimulatedBrowser();
        final long[] clock = {1_000_000};
        final List<Tab> tabs = new ArrayList<>();
        final List<String> accounts = new ArrayList<>();
        String password;
        final List<byte[][]> passkeys = new ArrayList<>();
        int added;

        World(long seed) throws Exception {
            random = new Random(seed);
            for (int i = 0; i < 2; i++) {
                Tab tab = new Tab(browser.newKeeper(clock));
                tab.idle = new IdleLock(clock[0], 60_000, random.nextBoolean());
                tabs.add(tab);
                load(tab);
            }
        }

        /** A page's load: what it shows afterwards, or nothing when the keeper is locked. */
        void load(Tab tab) throws StorageException {
            try {
                tab.shown = tab.keeper.load();
            } catch (LockedVaultException e) {
                tab.shown = null;
            }
        }

        /** After a tab stored something, every other tab reads it (the page's TabSync). */
        void othersReload(Tab writer) throws StorageException {
            for (Tab other : tabs) {
                if (other != writer) {
                    load(other);
                }
            }
        }

        static byte[] passwordKey(String password) {
            return SimulatedBrowser.CRYPTO.hkdf(password.getBytes(StandardCharsets.UTF_8), new byte[0], new byte[0],
                    32);
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
            if (tab.keeper.lockState() != LockKeeper.State.LOCKED) {
                unlocked.add(tab);
            }
        }
        return unlocked.isEmpty() ? null : unlocked.get(world.random.nextInt(unlocked.size()));
    }

    private static String step(World world, int kind) throws Exception {
        Tab tab = world.tabs.get(world.random.nextInt(world.tabs.size()));
        Tab open = unlockedTab(world);
        String before = world.browser.snapshot();
        switch (kind) {
            case 0: { // add account: an unlocked tab stores the newest vault with its change
                if (open == null) {
                    return null;
                }
                world.load(open);
                String issuer = "Account" + world.added++;
                Vault next = open.shown.add(Accounts.named(issuer, world.random, world.clock[0]));
                open.keeper.save(next);
                open.shown = next;
                world.accounts.add(issuer);
                world.othersReload(open);
                return null;
            }
            case 1: { // set (or change) the lock password
                if (open == null) {
                    return null;
                }
                world.load(open);
                String password = "password-" + world.random.nextInt(1000);
                open.keeper.addLockPassword(open.shown, World.passwordKey(password),
                        SimulatedBrowser.CRYPTO.random(16), PasswordLockSlot.MEMORY_KIB, PasswordLockSlot.ITERATIONS,
                        PasswordLockSlot.PARALLELISM);
                world.password = password;
                open.unlocked = true;
                world.othersReload(open);
                return null;
            }
            case 2: { // add a passkey
                if (open == null || world.passkeys.size() >= AppLock.MAX_PASSKEYS) {
                    return null;
                }
                world.load(open);
                byte[] credentialId = SimulatedBrowser.CRYPTO.random(16);
                byte[] prf = SimulatedBrowser.CRYPTO.random(32);
                open.keeper.addLockPasskey(open.shown, credentialId, prf);
                world.passkeys.add(new byte[][] {credentialId, prf});
                open.unlocked = true;
                world.othersReload(open);
                return null;
            }
            case 3: // turn the lock off: an unlocked tab, after the secret is checked again
                if (open == null || open.keeper.lock() == null) {
                    return null;
                }
                world.load(open);
                if (world.password != null) {
                    open.keeper.checkPassword(World.passwordKey(world.password));
                } else {
                    open.keeper.checkPasskey(world.passkeys.get(0)[0], world.passkeys.get(0)[1]);
                }
                open.keeper.removeLock(open.shown);
                world.password = null;
                world.passkeys.clear();
                for (Tab each : world.tabs) {
                    each.unlocked = false;
                }
                world.othersReload(open);
                return null;
            case 4: // lock now: one tab locks, and tells the others
                for (Tab each : world.tabs) {
                    each.keeper.forgetLockKey();
                    each.unlocked = false;
                    world.load(each);
                }
                return unchanged(world, before, "lock now");
            case 5: // the right password
                if (world.password == null || tab.keeper.lockState() != LockKeeper.State.LOCKED) {
                    return null;
                }
                tab.keeper.unlockWithPassword(World.passwordKey(world.password));
                tab.unlocked = true;
                world.load(tab);
                return tab.shown == null ? "the right password did not unlock" : unchanged(world, before, "unlock");
            case 6: { // a wrong password
                if (tab.keeper.lock() == null) {
                    return null;
                }
                LockKeeper.State state = tab.keeper.lockState();
                try {
                    tab.keeper.unlockWithPassword(World.passwordKey("wrong" + world.random.nextInt()));
                    return "a wrong password unlocked";
                } catch (WrongSecretException expected) {
                    // as it must
                }
                return tab.keeper.lockState() != state ? "a wrong password changed the tab's state"
                        : unchanged(world, before, "a wrong password");
            }
            case 7: { // a passkey of the lock
                if (world.passkeys.isEmpty() || tab.keeper.lockState() != LockKeeper.State.LOCKED) {
                    return null;
                }
                byte[][] passkey = world.passkeys.get(world.random.nextInt(world.passkeys.size()));
                tab.keeper.unlockWithPasskey(passkey[0], passkey[1]);
                tab.unlocked = true;
                world.load(tab);
                return tab.shown == null ? "the passkey did not unlock" : unchanged(world, before, "unlock");
            }
            case 8: { // a passkey that is not the lock's, or a lock passkey giving another PRF output
                if (tab.keeper.lock() == null) {
                    return null;
                }
                byte[] credentialId = world.passkeys.isEmpty() || world.random.nextBoolean()
                        ? SimulatedBrowser.CRYPTO.random(16) : world.passkeys.get(0)[0];
                try {
                    tab.keeper.unlockWithPasskey(credentialId, SimulatedBrowser.CRYPTO.random(32));
                    return "a wrong passkey unlocked";
                } catch (WrongSecretException expected) {
                    return unchanged(world, before, "a wrong passkey");
                }
            }
            case 9: // time passes: every tab checks its idle timer
                world.clock[0] += world.random.nextInt(90_000);
                for (Tab each : world.tabs) {
                    if (each.idle.due(world.clock[0], each.hidden)
                            && each.keeper.lockState() == LockKeeper.State.UNLOCKED) {
                        each.unlocked = false;
                        each.keeper.forgetLockKey();
                        world.load(each);
                    }
                }
                return unchanged(world, before, "an idle lock");
            case 10:
                tab.idle.activity(world.clock[0]);
                tab.hidden = false;
                return null;
            case 11:
                tab.hidden = true;
                if (tab.idle.due(world.clock[0], true) && tab.keeper.lockState() == LockKeeper.State.UNLOCKED) {
                    tab.unlocked = false;
                    tab.keeper.forgetLockKey();
                    world.load(tab);
                }
                return unchanged(world, before, "hiding a tab");
            case 12: { // a restore: a new vault key for the same accounts, the lock resealed over it
                if (open == null) {
                    return null;
                }
                world.load(open);
                open.keeper.adoptVaultKey(SimulatedBrowser.CRYPTO.random(32), open.shown);
                world.othersReload(open);
                return null;
            }
            case 13:
                world.load(tab);
                return unchanged(world, before, "a reload");
            case 14: // reset: everything of this browser goes; every tab reloads into an empty vault
                if (tab.keeper.lock() == null || world.random.nextInt(4) != 0) {
                    return null;
                }
                tab.keeper.wipe();
                world.accounts.clear();
                world.password = null;
                world.passkeys.clear();
                for (Tab each : world.tabs) {
                    each.unlocked = false;
                    world.load(each);
                }
                return null;
            case 15: // a locked tab tries to write: the keeper refuses before it seals anything
                if (tab.keeper.lockState() != LockKeeper.State.LOCKED) {
                    return null;
                }
                try {
                    tab.keeper.save(Vault.EMPTY);
                    return "a locked tab wrote the vault";
                } catch (LockedVaultException expected) {
                    // refused
                }
                try {
                    tab.keeper.addLockPassword(Vault.EMPTY, World.passwordKey("x"), new byte[16], 65536, 3, 1);
                    return "a locked tab changed the lock";
                } catch (LockedVaultException expected) {
                    // refused
                }
                try {
                    tab.keeper.exportVaultKey();
                    return "a locked tab gave out the vault key";
                } catch (LockedVaultException expected) {
                    return unchanged(world, before, "a locked tab's write");
                }
            default:
                throw new IllegalStateException();
        }
    }

    private static String unchanged(World world, String before, String what) {
        return world.browser.snapshot().equals(before) ? null : what + " changed what is stored";
    }

    /** A secret a new tab unlocks with. */
    private interface Unlock {
        void apply(VaultKeeper keeper) throws WrongSecretException;
    }

    private static List<String> newTabReads(World world) throws Exception {
        return Accounts.issuers(world.browser.newKeeper(world.clock).load());
    }

    /** What a tab opened now reads: nothing before it unlocks, then the vault. */
    private static List<String> newTabReadsUnlocked(World world, Unlock secret) throws Exception {
        VaultKeeper fresh = world.browser.newKeeper(world.clock);
        try {
            fresh.load();
            throw new IllegalStateException("a new tab read a locked record without a secret");
        } catch (LockedVaultException expected) {
            // a new tab holds no lock key
        }
        secret.apply(fresh);
        return Accounts.issuers(fresh.load());
    }

    private static String invariants(World world) throws Exception {
        VaultRecord record = world.browser.record;
        String lockJson = record == null ? null : record.lock();
        if (lockJson != null) {
            if (record.wrappedKey() != null || record.format() != VaultRecord.LOCKED) {
                return "a locked record still holds the device-wrapped vault key";
            }
            AppLock lock = AppLockJson.read(lockJson);
            if ((lock.passwordSlot() != null) != (world.password != null)) {
                return world.password == null ? "the lock has a password the person did not set"
                        : "the lock lost the person's password";
            }
            if (lock.passkeySlots().size() != world.passkeys.size()) {
                return "the lock has " + lock.passkeySlots().size() + " passkeys, not " + world.passkeys.size();
            }
            try {
                if (world.password != null && !newTabReadsUnlocked(world,
                        keeper -> keeper.unlockWithPassword(World.passwordKey(world.password))).equals(world.accounts)) {
                    return "the password opens other accounts than the person's";
                }
                for (byte[][] passkey : world.passkeys) {
                    if (!newTabReadsUnlocked(world, keeper -> keeper.unlockWithPasskey(passkey[0], passkey[1]))
                            .equals(world.accounts)) {
                        return "a passkey opens other accounts than the person's";
                    }
                }
            } catch (IllegalStateException | WrongSecretException e) {
                return e.getMessage();
            }
        } else {
            if (world.password != null || !world.passkeys.isEmpty()) {
                return "the lock is gone but the person did not turn it off";
            }
            if (!newTabReads(world).equals(world.accounts)) {
                return "a new tab does not read the person's accounts";
            }
        }
        for (Tab tab : world.tabs) {
            LockKeeper.State expected = lockJson == null ? LockKeeper.State.NONE
                    : tab.unlocked ? LockKeeper.State.UNLOCKED : LockKeeper.State.LOCKED;
            if (tab.keeper.lockState() != expected) {
                return "a tab is " + tab.keeper.lockState() + ", not " + expected;
            }
            if (tab.keeper.lockState() == LockKeeper.State.LOCKED && tab.shown != null) {
                return "a locked tab shows accounts";
            }
            if (tab.shown != null && !Accounts.issuers(tab.shown).equals(world.accounts)) {
                return "an unlocked tab shows " + Accounts.issuers(tab.shown) + ", not " + world.accounts;
            }
        }
        return null;
    }
}
