package fob.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.text.Language;
import org.junit.jupiter.api.Test;

class DevicePreferencesTest {
    @Test
    void aChosenLanguageIsKeptAndTheBrowsersChoiceIsTheDefault() {
        assertEquals(Language.AUTOMATIC, DevicePreferences.DEFAULTS.language());
        DevicePreferences german = DevicePreferences.DEFAULTS.withLanguage("de").withLockWhenHidden(true);
        assertEquals("de", DevicePreferences.read(german.toJson()).language());
        assertTrue(DevicePreferences.read(german.toJson()).lockWhenHidden());
        assertEquals(Language.AUTOMATIC, DevicePreferences.read(german.withLanguage("").toJson()).language());
    }

    @Test
    void lockAfterCountsInMinutesAndZeroIsNever() {
        assertEquals(5 * 60_000L, DevicePreferences.DEFAULTS.withLockAfterMinutes(5).lockAfterMillis());
        assertEquals(0, DevicePreferences.DEFAULTS.withLockAfterMinutes(0).lockAfterMillis());
        assertEquals(60 * 60_000L, DevicePreferences.DEFAULTS.withLockAfterMinutes(60).lockAfterMillis());
    }

    @Test
    void anUnknownOrDamagedLanguageIsTheBrowsersChoice() {
        assertEquals(Language.AUTOMATIC, DevicePreferences.read("{\"language\":\"tlh\"}").language());
        assertEquals(Language.AUTOMATIC, DevicePreferences.read("{\"language\":7}").language());
        assertEquals("fr", DevicePreferences.read("{\"language\":\"fr-CA\"}").language());
    }

    @Test
    void preferencesWrittenBeforeLanguagesStillRead() {
        DevicePreferences older = DevicePreferences.read("{\"lockAfterMinutes\":5,\"lockWhenHidden\":false,"
                + "\"hideCodesUntilClicked\":true,\"appLockOffered\":true}");
        assertEquals(5, older.lockAfterMinutes());
        assertTrue(older.hideCodesUntilClicked());
        assertEquals(Language.AUTOMATIC, older.language());
        assertFalse(older.toJson().contains("language"), "the browser's choice is not written");
    }

    @Test
    void aDismissedStorageWarningIsKeptAndOlderPreferencesReadAsNotDismissed() {
        assertFalse(DevicePreferences.DEFAULTS.storageWarningDismissed());
        DevicePreferences dismissed = DevicePreferences.DEFAULTS.withStorageWarningDismissed();
        assertTrue(DevicePreferences.read(dismissed.toJson()).storageWarningDismissed());
        assertTrue(dismissed.withAppLockOffered().withLockAfterMinutes(15).storageWarningDismissed());
        DevicePreferences older = DevicePreferences.read("{\"lockAfterMinutes\":5,\"appLockOffered\":true}");
        assertFalse(older.storageWarningDismissed());
        assertFalse(DevicePreferences.read("{\"storageWarningDismissed\":\"yes\"}").storageWarningDismissed());
    }

    @Test
    void whatFobLearnedAboutAskingToKeepTheStorageIsKeptAndOlderPreferencesReadAsNeverAsked() {
        assertFalse(DevicePreferences.DEFAULTS.storagePersistAsked());
        assertFalse(DevicePreferences.DEFAULTS.storagePersistQuiet());
        DevicePreferences asked = DevicePreferences.DEFAULTS.withStoragePersistAsked();
        assertTrue(DevicePreferences.read(asked.toJson()).storagePersistAsked());
        assertFalse(DevicePreferences.read(asked.toJson()).storagePersistQuiet());
        DevicePreferences quiet = asked.withStoragePersistQuiet(true);
        assertTrue(DevicePreferences.read(quiet.toJson()).storagePersistQuiet());
        assertFalse(quiet.withStoragePersistQuiet(false).storagePersistQuiet(), "a browser that waited once");
        DevicePreferences others = quiet.withStorageWarningDismissed().withLanguage("fr").withLockWhenHidden(true)
                .withHideCodesUntilClicked(true).withAppLockOffered().withLockAfterMinutes(60);
        assertTrue(others.storagePersistAsked(), "another preference's change keeps it");
        assertTrue(others.storagePersistQuiet());
        assertTrue(quiet.withStorageWarningDismissed().storageWarningDismissed());
        assertFalse(asked.storageWarningDismissed(), "asking is not dismissing");

        DevicePreferences older = DevicePreferences.read("{\"lockAfterMinutes\":5,\"storageWarningDismissed\":true}");
        assertFalse(older.storagePersistAsked(), "written before: read as never asked");
        assertFalse(older.storagePersistQuiet());
        assertTrue(older.storageWarningDismissed());
        assertTrue(asked.toJson().contains("\"storagePersistAsked\":true"), asked.toJson());
        assertTrue(asked.toJson().contains("\"storagePersistQuiet\":false"), asked.toJson());
    }
}
