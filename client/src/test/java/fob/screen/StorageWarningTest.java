package fob.screen;

import static fob.screen.StorageWarning.Ask.NO;
import static fob.screen.StorageWarning.Ask.ONCE;
import static fob.screen.StorageWarning.Ask.QUIETLY;
import static fob.screen.StorageWarning.Persistence.KEPT;
import static fob.screen.StorageWarning.Persistence.MAY_BE_EVICTED;
import static fob.screen.StorageWarning.Persistence.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.device.DevicePreferences;
import fob.screen.StorageWarning.Permission;
import fob.vault.Vault;
import org.junit.jupiter.api.Test;

class StorageWarningTest {
    private static final DevicePreferences FRESH = DevicePreferences.DEFAULTS;
    private static final DevicePreferences DISMISSED = DevicePreferences.DEFAULTS.withStorageWarningDismissed();
    /** Fob asked this device once, and the browser answered at once: Chromium. */
    private static final DevicePreferences QUIET = FRESH.withStoragePersistAsked().withStoragePersistQuiet(true);
    /** Fob asked this device once, and the browser waited for the person: Firefox. */
    private static final DevicePreferences PROMPTED = FRESH.withStoragePersistAsked();

    /** A page in a tab whose browser gave {@code answer} and whose Cloud backup state has been read. */
    private static StorageWarning answered(String answer) {
        StorageWarning warning = new StorageWarning(false, true);
        warning.answered(answer, FRESH);
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
        assertEquals(Permission.GRANTED, Permission.of("granted"));
        assertEquals(Permission.DENIED, Permission.of("denied"));
        assertEquals(Permission.PROMPT, Permission.of("prompt"));
        assertEquals(Permission.UNKNOWN, Permission.of("?"), "no such permission (Safari, WebKitGTK)");
        assertEquals(Permission.UNKNOWN, Permission.of(null));
    }

    @Test
    void theAdaptersThreeWordsAreReadEachOnItsOwn() throws Exception {
        StorageWarning warning = answered("false prompt 1");
        assertEquals("Not promised", warning.answer());
        assertEquals(ONCE, warning.asksNow(ScreenFixtures.oneAccount(), true, FRESH), "prompt: not decided");
        assertEquals("Yes", answered("true granted 0").answer());
        assertEquals(NO, answered("false denied 0").asksNow(ScreenFixtures.oneAccount(), true, FRESH), "denied");
        assertEquals("Cannot tell", answered("? ? 0").answer());
        assertEquals("Cannot tell", answered("").answer());
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
        StorageWarning warning = new StorageWarning(false, true);
        assertFalse(warning.shows(accounts, false, FRESH, false), "nothing known yet");
        assertEquals("", warning.answer());
        assertEquals("", warning.detail());
        warning.answered("false", FRESH);
        assertFalse(warning.shows(accounts, false, FRESH, false), "backup's \"off\" may only be unread");
        assertEquals("Not promised", warning.answer(), "Settings says what the browser said at once");
        warning.backupRead();
        assertTrue(warning.shows(accounts, false, FRESH, false));

        StorageWarning backupFirst = new StorageWarning(false, true);
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
        warning.answered("true", FRESH);
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
    void theDecisionIsAnnouncedOnceAPageWhenBothTheBrowserAndCloudBackupHaveAnswered() {
        StorageWarning warning = new StorageWarning(false, true);
        assertFalse(warning.decidedNow(), "nothing known");
        warning.backupRead();
        assertFalse(warning.decidedNow(), "the browser has not answered");
        warning.answered("false prompt 0", FRESH);
        assertTrue(warning.decidedNow());
        assertFalse(warning.decidedNow(), "once a page: later changes are seen on the page itself");

        StorageWarning browserFirst = new StorageWarning(false, true);
        browserFirst.answered("true prompt 0", FRESH);
        assertFalse(browserFirst.decidedNow(), "Cloud backup's state is not read");
        browserFirst.backupRead();
        assertTrue(browserFirst.decidedNow(), "decided to stay hidden is decided too");
    }

    @Test
    void installIsOfferedOnlyOutsideAnInstalledApp() {
        assertTrue(new StorageWarning(false, true).offersInstall());
        assertFalse(new StorageWarning(true, true).offersInstall());
    }

    @Test
    void cloudBackupIsOfferedOnlyWherePasskeysCanBeUsed() {
        assertTrue(new StorageWarning(false, true).offersBackup());
        assertFalse(new StorageWarning(false, false).offersBackup(), "WebKitGTK: no PublicKeyCredential");
        assertFalse(new StorageWarning(true, false).offersBackup());
        assertTrue(new StorageWarning(true, true).offersBackup());
    }

    @Test
    void theRuleForAskingCoversEveryPermission() {
        // Granted: persist() cannot prompt.
        assertEquals(QUIETLY, StorageWarning.ask(Permission.GRANTED, false, false, false));
        assertEquals(QUIETLY, StorageWarning.ask(Permission.GRANTED, true, true, false));
        // Denied for good: asking changes nothing.
        assertEquals(NO, StorageWarning.ask(Permission.DENIED, true, false, false));
        assertEquals(NO, StorageWarning.ask(Permission.DENIED, false, true, true));
        // Undecided, never asked on this device: once, and only beside the warning.
        assertEquals(ONCE, StorageWarning.ask(Permission.PROMPT, true, false, false));
        assertEquals(ONCE, StorageWarning.ask(Permission.UNKNOWN, true, false, false));
        assertEquals(NO, StorageWarning.ask(Permission.PROMPT, false, false, false), "no words beside a prompt");
        assertEquals(NO, StorageWarning.ask(Permission.UNKNOWN, false, false, false));
        // Asked before, and the browser waited for the person: that was the device's one prompt.
        assertEquals(NO, StorageWarning.ask(Permission.PROMPT, true, true, false));
        assertEquals(NO, StorageWarning.ask(Permission.UNKNOWN, true, true, false));
        assertEquals(NO, StorageWarning.ask(Permission.PROMPT, false, true, false));
        // Asked before, and the browser answered at once: it shows no prompt, so Fob asks with or without the warning.
        assertEquals(QUIETLY, StorageWarning.ask(Permission.PROMPT, false, true, true));
        assertEquals(QUIETLY, StorageWarning.ask(Permission.PROMPT, true, true, true));
        assertEquals(QUIETLY, StorageWarning.ask(Permission.UNKNOWN, false, true, true));
    }

    @Test
    void chromiumIsAskedOnceBesideTheWarningAndThenQuietlyAfterEachChange() throws Exception {
        Vault first = ScreenFixtures.oneAccount();
        StorageWarning page = answered("false prompt 0");
        assertEquals(ONCE, page.asksNow(first, true, FRESH));
        // The page stores "asked" before it asks; Chromium refuses at once, and its permission stays "prompt".
        DevicePreferences learned = page.answered("false prompt 1", PROMPTED);
        assertTrue(learned.storagePersistQuiet(), "answered at once: no prompt shows here");
        assertTrue(learned.storagePersistAsked());
        assertTrue(DevicePreferences.read(learned.toJson()).storagePersistQuiet(), "kept on this device");
        assertEquals(NO, page.asksNow(first, true, learned), "once a vault: the answer does not start another");

        Vault changed = ScreenFixtures.oneAccount();
        assertEquals(QUIETLY, page.asksNow(changed, false, learned.withStorageWarningDismissed()),
                "after a change, though the warning was dismissed (or backup turned on)");
        assertSame(learned, page.answered("false prompt 2", learned), "nothing new to store");

        StorageWarning reloaded = answered("false prompt 0");
        assertEquals(QUIETLY, reloaded.asksNow(first, false, learned), "at the start of each page, as before");
    }

    @Test
    void firefoxPromptsOnceADeviceAndOnlyBesideTheWarning() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        StorageWarning page = answered("false prompt 0");
        assertEquals(NO, page.asksNow(accounts, false, FRESH), "dismissed or backed up: an unexplained prompt");
        assertEquals(ONCE, page.asksNow(accounts, true, FRESH));
        assertEquals(NO, page.asksNow(ScreenFixtures.oneAccount(), true, PROMPTED), "one ask at a time");
        // The person chose "Block" (without "Remember") after four seconds.
        assertSame(PROMPTED, page.answered("false prompt 4000", PROMPTED), "not quiet: nothing new to store");
        assertEquals(NO, page.asksNow(ScreenFixtures.oneAccount(), true, PROMPTED), "not after a change");

        StorageWarning reloaded = answered("false prompt 0");
        assertEquals(NO, reloaded.asksNow(accounts, true, PROMPTED), "not after a reload, where Block has lapsed");
        assertEquals(NO, answered("false denied 0").asksNow(accounts, true, FRESH), "Block with Remember");
        StorageWarning allowed = answered("false granted 0");
        assertEquals(QUIETLY, allowed.asksNow(accounts, false, PROMPTED), "allowed in the site's permissions");
        assertSame(PROMPTED, allowed.answered("true granted 9000", PROMPTED), "a granted ask tells nothing");
        assertEquals(NO, allowed.asksNow(ScreenFixtures.oneAccount(), false, PROMPTED), "kept now");
    }

    @Test
    void aQuietBrowserThatOnceWaitsForThePersonIsNotAskedAgain() throws Exception {
        StorageWarning page = answered("false prompt 0");
        assertEquals(QUIETLY, page.asksNow(ScreenFixtures.oneAccount(), false, QUIET));
        DevicePreferences learned = page.answered("false prompt 250", QUIET);
        assertFalse(learned.storagePersistQuiet(), "250 ms is not at once: a prompt may have waited");
        assertTrue(learned.storagePersistAsked());
        assertEquals(NO, page.asksNow(ScreenFixtures.oneAccount(), false, learned));
        assertEquals(NO, page.asksNow(ScreenFixtures.oneAccount(), true, learned), "nor beside the warning");

        StorageWarning garbled = answered("false prompt 0");
        garbled.asksNow(ScreenFixtures.oneAccount(), false, QUIET);
        assertFalse(garbled.answered("false prompt soon", QUIET).storagePersistQuiet(), "no time is not quiet");
        StorageWarning fast = answered("false prompt 0");
        fast.asksNow(ScreenFixtures.oneAccount(), true, FRESH);
        assertTrue(fast.answered("false prompt 249", PROMPTED).storagePersistQuiet());
    }

    @Test
    void readingWhatTheBrowserSaysLearnsNothing() {
        assertSame(FRESH, new StorageWarning(false, true).answered("false prompt 0", FRESH), "persisted(), not an ask");
        assertSame(QUIET, new StorageWarning(false, true).answered("false prompt 900", QUIET));
    }

    @Test
    void fobDoesNotAskWhereThereIsNothingToAskOrNothingToKeep() throws Exception {
        Vault accounts = ScreenFixtures.oneAccount();
        assertEquals(NO, answered("true prompt 0").asksNow(accounts, true, QUIET), "already kept");
        assertEquals(NO, answered("? ? 0").asksNow(accounts, true, QUIET), "no StorageManager to ask (WebKitGTK)");
        assertEquals(NO, answered("false prompt 0").asksNow(Vault.EMPTY, true, QUIET), "nothing to keep");
        assertEquals(NO, new StorageWarning(false, true).asksNow(accounts, true, QUIET), "no answer yet");
        StorageWarning installed = new StorageWarning(true, true);
        installed.answered("false prompt 0", FRESH);
        assertEquals(NO, installed.asksNow(accounts, false, FRESH), "an installed app's prompt is unexplained too");
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
