package fob.screen;

import static fob.screen.StorageWarning.Persistence.KEPT;
import static fob.screen.StorageWarning.Persistence.MAY_BE_EVICTED;
import static fob.screen.StorageWarning.Persistence.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.device.DevicePreferences;
import fob.vault.Vault;
import org.junit.jupiter.api.Test;

class StorageWarningTest {
    private static final DevicePreferences FRESH = DevicePreferences.DEFAULTS;
    private static final DevicePreferences DISMISSED = DevicePreferences.DEFAULTS.withStorageWarningDismissed();

    /** A page in a tab whose browser gave {@code answer} and whose Cloud backup state has been read. */
    private static StorageWarning answered(String answer) {
        StorageWarning warning = new StorageWarning(false);
        warning.answered(answer);
        warning.backupRead();
        return warning;
    }

    @Test
    void theBrowsersAnswerIsReadAsTheAdapterWritesIt() {
        assertEquals(KEPT, StorageWarning.Persistence.of("true"));
        assertEquals(MAY_BE_EVICTED, StorageWarning.Persistence.of("false"));
        assertEquals(UNKNOWN, StorageWarning.Persistence.of("?"), "no navigator.storage (WebKitGTK)");
        assertEquals(UNKNOWN, StorageWarning.Persistence.of(""));
        assertEquals(UNKNOWN, StorageWarning.Persistence.of(null));
    }

    @Test
    void aBrowserThatMayEvictOrCannotBeAskedIsWarnedAboutOnceThereIsAnAccount() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        assertTrue(answered("false").shows(accounts, false, FRESH, false));
        assertTrue(answered("?").shows(accounts, false, FRESH, false), "no promise was given");
    }

    @Test
    void nothingIsSaidBeforeTheBrowserAnswersOrCloudBackupsStateIsRead() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        StorageWarning warning = new StorageWarning(false);
        assertFalse(warning.shows(accounts, false, FRESH, false), "nothing known yet");
        assertEquals("", warning.answer());
        assertEquals("", warning.detail());
        warning.answered("false");
        assertFalse(warning.shows(accounts, false, FRESH, false), "backup's \"off\" may only be unread");
        assertEquals("Not promised", warning.answer(), "Settings says what the browser said at once");
        warning.backupRead();
        assertTrue(warning.shows(accounts, false, FRESH, false));

        StorageWarning backupFirst = new StorageWarning(false);
        backupFirst.backupRead();
        assertFalse(backupFirst.shows(accounts, false, FRESH, false), "the browser has not answered");
    }

    @Test
    void nothingIsSaidWhenThereIsNothingToLoseOrTheAccountsAreSafe() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        assertFalse(answered("true").shows(accounts, false, FRESH, false), "the browser keeps the storage");
        assertFalse(answered("false").shows(Vault.EMPTY, false, FRESH, false), "an empty vault");
        assertFalse(answered("?").shows(Vault.EMPTY, false, FRESH, false), "an empty vault");
        assertFalse(answered("false").shows(accounts, true, FRESH, false), "Cloud backup is on");
        assertFalse(answered("?").shows(accounts, true, FRESH, false), "Cloud backup is on");
        assertFalse(answered("false").shows(accounts, false, FRESH, true), "the unreadable vault's panel speaks");
    }

    @Test
    void theWarningGoesWhenTheBrowserPromisesToKeepTheStorage() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        StorageWarning warning = answered("false");
        assertTrue(warning.shows(accounts, false, FRESH, false));
        warning.answered("true");
        assertFalse(warning.shows(accounts, false, FRESH, false));
        assertEquals("Yes", warning.answer());
    }

    @Test
    void aDismissedWarningStaysGoneOnThisDevice() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        assertFalse(answered("false").shows(accounts, false, DISMISSED, false));
        assertFalse(answered("?").shows(accounts, false, DISMISSED, false));
        DevicePreferences stored = DevicePreferences.read(DISMISSED.toJson());
        assertFalse(answered("false").shows(accounts, false, stored, false), "after a reload too");
        assertFalse(answered("false").shows(accounts, false, stored.withLanguage("de"), false),
                "another preference's change keeps it");
    }

    @Test
    void installIsOfferedOnlyOutsideAnInstalledApp() {
        assertTrue(new StorageWarning(false).offersInstall());
        assertFalse(new StorageWarning(true).offersInstall());
    }

    @Test
    void fobAsksTheBrowserToKeepItsStorageOnceAPageWhileTheWarningShows() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        StorageWarning warning = answered("false");
        assertTrue(warning.asksNow(accounts, true), "beside the warning");
        assertFalse(warning.asksNow(accounts, true), "once a page: Firefox would prompt again and again");
        warning.answered("false");
        assertFalse(warning.asksNow(accounts, true), "its refusal does not start another request");
    }

    @Test
    void anInstalledAppAsksWithoutTheWarning() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        StorageWarning installed = new StorageWarning(true);
        installed.answered("false");
        assertTrue(installed.asksNow(accounts, false));
        assertFalse(installed.asksNow(accounts, false), "once a page");
    }

    @Test
    void fobDoesNotAskWhereAPromptWouldComeOutOfTheBlueOrThereIsNothingToAsk() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        assertFalse(answered("false").asksNow(accounts, false),
                "dismissed or backed up, in a tab: Firefox's prompt would come with no reason shown");
        assertFalse(answered("true").asksNow(accounts, true), "already kept");
        assertFalse(answered("?").asksNow(accounts, true), "no StorageManager to ask");
        assertFalse(new StorageWarning(true).asksNow(accounts, false), "the browser has not answered yet");
        StorageWarning installed = new StorageWarning(true);
        installed.answered("false");
        assertFalse(installed.asksNow(Vault.EMPTY, false), "nothing to keep");
    }

    @Test
    void settingsSaysWhatTheBrowserSaidAndNoMore() {
        assertEquals("Yes", answered("true").answer());
        assertEquals("Not promised", answered("false").answer());
        assertEquals("Cannot tell", answered("?").answer());
        assertEquals("The browser has promised to delete it only when you clear Fob's data yourself.",
                answered("true").detail());
        assertEquals("The browser may delete it, for example when space runs low. Cloud backup or an export keeps"
                + " a copy of your accounts elsewhere.", answered("false").detail());
        assertEquals("This browser offers no way to ask, so Fob does not count on it. Cloud backup or an export"
                + " keeps a copy of your accounts elsewhere.", answered("?").detail());
    }
}
