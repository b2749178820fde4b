package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.device.DevicePreferences;
import fob.vault.Vault;
import org.junit.jupiter.api.Test;

/** The small decisions of the lock screen, typed confirmations, the camera, App lock's offer and a new vault. */
class SmallScreensTest {
    @Test
    void theCamerasRefusalsAreExplainedByName() {
        assertTrue(CameraProblems.of("NotAllowedError").startsWith("Fob was not allowed to use the camera."));
        assertEquals(CameraProblems.of("NotAllowedError"), CameraProblems.of("SecurityError"));
        assertEquals("No camera was found. Use an image of the code instead.", CameraProblems.of("NotFoundError"));
        assertEquals(CameraProblems.of("NotFoundError"), CameraProblems.of("OverconstrainedError"));
        assertEquals("The camera is in use by another program.", CameraProblems.of("NotReadableError"));
        assertEquals("The camera could not be started (AbortError).", CameraProblems.of("AbortError"));
    }

    @Test
    void theWordIsTypedInAnyCaseWithSpaceAround() {
        assertTrue(TypedWord.matches("new vault", "  New Vault "));
        assertFalse(TypedWord.matches("new vault", "newvault"));
        assertFalse(TypedWord.matches("reset", ""));
        assertEquals("Type \"reset\" to confirm. Nothing was changed.", TypedWord.refusal("reset"));
    }

    @Test
    void anEmptyLockPasswordIsNotTried() {
        assertEquals("Enter the lock password.", UnlockChoices.passwordProblem(""));
        assertNull(UnlockChoices.passwordProblem(" "));
        UnlockChoices none = UnlockChoices.of(null);
        assertFalse(none.passkey());
        assertFalse(none.password());
    }

    @Test
    void appLockIsOfferedOnceForAReadableVaultWithAnAccountAndNoLock() throws Exception {
        Vault one = ScreenFixtures.oneAccount();
        DevicePreferences fresh = DevicePreferences.DEFAULTS;
        assertTrue(AppLockOffer.shows(one, false, fresh, false));
        assertFalse(AppLockOffer.shows(Vault.EMPTY, false, fresh, false), "nothing to protect yet");
        assertFalse(AppLockOffer.shows(one, true, fresh, false), "locked already");
        assertFalse(AppLockOffer.shows(one, false, fresh.withAppLockOffered(), false), "offered once");
        assertFalse(AppLockOffer.shows(one, false, fresh, true), "unreadable");
    }

    @Test
    void aNewVaultSaysWhatItStartsWith() {
        assertTrue(NewVault.explanation(0).startsWith("The new vault starts empty, under new keys,"));
        assertTrue(NewVault.explanation(1).startsWith("The new vault starts with the 1 account this tab still"
                + " shows"), NewVault.explanation(1));
        assertTrue(NewVault.explanation(2).startsWith("The new vault starts with the 2 accounts"));
        assertTrue(NewVault.explanation(2).endsWith(" The unreadable vault is kept aside in this browser's storage;"
                + " Fob does not delete it."));
    }
}
