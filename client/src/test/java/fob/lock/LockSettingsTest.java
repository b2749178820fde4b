package fob.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fob.crypto.BouncyCastleAead;
import org.junit.jupiter.api.Test;

/** What Settings → "App lock" says of the lock, and which new lock passwords it takes. */
class LockSettingsTest {
    private final BouncyCastleAead crypto = new BouncyCastleAead();
    private final byte[] lockKey = AppLock.newLockKey(crypto);
    private final AppLock bare = AppLock.over(crypto, lockKey, LockVector.DEVICE_WRAPPED_KEY);

    @Test
    void theStateSaysHowTheLockOpens() throws Exception {
        assertEquals("Off: anyone at this computer can see your codes.", LockSettings.state(null));
        AppLock password = bare.withPassword(crypto, lockKey, LockVector.range(1, 32), LockVector.range(2, 16),
                PasswordLockSlot.MEMORY_KIB, PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM);
        assertEquals("On: unlocks with the lock password.", LockSettings.state(password));
        AppLock one = bare.withPasskey(crypto, lockKey, new byte[] {1}, LockVector.PRF_OUTPUT);
        assertEquals("On: unlocks with a passkey.", LockSettings.state(one));
        AppLock two = one.withPasskey(crypto, lockKey, new byte[] {2}, LockVector.PRF_OUTPUT);
        assertEquals("On: unlocks with 2 passkeys.", LockSettings.state(two));
        assertEquals("On: unlocks with 2 passkeys or the lock password.", LockSettings.state(two.withPassword(crypto,
                lockKey, LockVector.range(1, 32), LockVector.range(2, 16), PasswordLockSlot.MEMORY_KIB,
                PasswordLockSlot.ITERATIONS, PasswordLockSlot.PARALLELISM)));
    }

    @Test
    void aNewLockPasswordHasEightCharactersTypedTwiceAlike() {
        assertEquals("Choose a lock password of at least 8 characters.",
                LockSettings.newPasswordProblem("short", "short"));
        assertEquals("The two lock passwords differ.", LockSettings.newPasswordProblem("long enough", "long enuogh"));
        assertNull(LockSettings.newPasswordProblem("long enough", "long enough"));
    }
}
