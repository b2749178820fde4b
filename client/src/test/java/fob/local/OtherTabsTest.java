package fob.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fob.lock.LockKeeper;
import fob.lock.PasswordLockSlot;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Two pages of one browser over the shipped keeper: what the second does when the first tells it something. */
class OtherTabsTest {
    private final SimulatedBrowser browser = new SimulatedBrowser();
    private final long[] clock = {1000};
    private final Random random = new Random(7);

    private static byte[] passwordKey(String password) {
        return SimulatedBrowser.CRYPTO.hkdf(password.getBytes(StandardCharsets.UTF_8), new byte[0], new byte[0], 32);
    }

    private VaultKeeper openedPage() throws Exception {
        VaultKeeper keeper = browser.newKeeper(clock);
        keeper.load();
        return keeper;
    }

    private static void setPassword(VaultKeeper keeper, String password) throws Exception {
        keeper.addLockPassword(keeper.load(), passwordKey(password), new byte[16], PasswordLockSlot.MEMORY_KIB,
                PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM);
    }

    @Test
    void anOpenPageShowsWhatAnotherTabStored() throws Exception {
        VaultKeeper first = openedPage();
        first.save(Vault.EMPTY.add(Accounts.named("Example", random, 1)));
        VaultKeeper second = browser.newKeeper(clock);
        VaultSession session = new VaultSession(second, second.load(), () -> { });
        first.save(first.load().add(Accounts.named("Other", random, 2)));

        assertEquals(OtherTabs.Then.STAY, OtherTabs.vaultChanged(session));
        assertEquals(List.of("Example", "Other"), Accounts.issuers(session.vault()));
    }

    @Test
    void anOpenPageRestartsWhenAnotherTabSetALockItHasNoKeyFor() throws Exception {
        VaultKeeper first = openedPage();
        first.save(Vault.EMPTY.add(Accounts.named("Example", random, 1)));
        VaultKeeper second = browser.newKeeper(clock);
        VaultSession session = new VaultSession(second, second.load(), () -> { });
        setPassword(first, "correct horse");

        assertEquals(OtherTabs.Then.RESTART, OtherTabs.vaultChanged(session));
        assertEquals(LockKeeper.State.LOCKED, second.lockState());
    }

    @Test
    void aLockedPageRestartsWhenTheLockIsGoneAndAsksAgainWhenItChanged() throws Exception {
        VaultKeeper first = openedPage();
        first.save(Vault.EMPTY);
        setPassword(first, "correct horse");
        VaultKeeper locked = browser.newKeeper(clock);
        assertThrows(LockedVaultException.class, locked::load);

        setPassword(first, "battery staple");
        assertEquals(OtherTabs.Then.SHOW_LOCK_SCREEN, OtherTabs.vaultChangedWhileLocked(locked));

        first.removeLock(first.load());
        assertEquals(OtherTabs.Then.RESTART, OtherTabs.vaultChangedWhileLocked(locked));
    }

    @Test
    void aLockedPageRestartsAfterAResetElsewhere() throws Exception {
        VaultKeeper first = openedPage();
        first.save(Vault.EMPTY);
        setPassword(first, "correct horse");
        VaultKeeper locked = browser.newKeeper(clock);
        assertThrows(LockedVaultException.class, locked::load);

        first.wipe();

        assertEquals(OtherTabs.Then.RESTART, OtherTabs.vaultChangedWhileLocked(locked));
    }

    @Test
    void lockingForgetsTheLockKeySoThePageReadsAndWritesNothingUntilUnlocked() throws Exception {
        VaultKeeper keeper = openedPage();
        keeper.save(Vault.EMPTY);
        assertEquals(OtherTabs.Then.STAY, OtherTabs.lock(keeper), "without a lock there is nothing to lock");

        setPassword(keeper, "correct horse");
        assertEquals(LockKeeper.State.UNLOCKED, keeper.lockState());

        assertEquals(OtherTabs.Then.RESTART, OtherTabs.lock(keeper));
        assertEquals(LockKeeper.State.LOCKED, keeper.lockState());
        assertThrows(LockedVaultException.class, () -> keeper.save(Vault.EMPTY));
        assertThrows(LockedVaultException.class, keeper::exportVaultKey);
        assertThrows(LockedVaultException.class, keeper::load);
    }
}
