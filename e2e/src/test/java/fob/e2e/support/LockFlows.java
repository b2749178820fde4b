package fob.e2e.support;

import org.openqa.selenium.WebElement;

/** The app lock's steps as a person takes them, for the tests to reuse. */
public final class LockFlows {
    private LockFlows() {
    }

    /** Settings → "App lock" switch on, if it is not. Returns Settings. */
    public static WebElement openAppLock(FobPage page) {
        WebElement settings = BackupFlows.openSettings(page);
        WebElement lockSwitch = page.byRole(settings, "switch", "App lock");
        if (!lockSwitch.isSelected()) {
            lockSwitch.click();
        }
        return settings;
    }

    /** Sets the lock password in Settings and waits until it is stored; Settings stays open. */
    public static WebElement setPassword(FobPage page, String password) {
        WebElement settings = openAppLock(page);
        page.button(settings, "Set lock password").click();
        page.fill(settings, "password", "New lock password", password);
        page.fill(settings, "password", "Repeat lock password", password);
        page.button(settings, "Save lock password").click();
        page.waitFor(java.time.Duration.ofSeconds(30), () -> page.toast().equals("Fob now locks with your password."));
        return settings;
    }

    /**
     * Sets the lock password where Cloud backup is on: turning the lock on gives the backup new keys first, and its
     * new recovery code is shown; the person saves it. Settings stays open.
     */
    public static WebElement setPasswordWithBackupOn(FobPage page, String password) {
        WebElement settings = setPassword(page, password);
        WebElement codeDialog = page.waitFor(java.time.Duration.ofSeconds(30), () -> page.dialog("Recovery code"));
        page.button(codeDialog, "I have saved it").click();
        page.waitFor(() -> !page.isPresent(page.driver(), "dialog", "Recovery code"));
        return settings;
    }

    /** Waits until Settings says the lock is on with a password (the lock is stored). */
    public static void waitUntilPasswordLockIsOn(FobPage page) {
        page.waitFor(java.time.Duration.ofSeconds(30), () -> page.driver().findElement(org.openqa.selenium.By.id(
                "app-lock-status")).getText().startsWith("On"));
    }

    /** Waits for the lock screen: "Unlock" or the field "Lock password". */
    public static void waitUntilLocked(FobPage page) {
        page.waitFor(() -> page.isPresent(page.driver(), "button", "Unlock")
                || page.isPresent(page.driver(), "password", "Lock password"));
    }

    public static void unlockWithPassword(FobPage page, String password) {
        page.fill(page.driver(), "password", "Lock password", password);
        page.button("Unlock with password").click();
    }

    /** Unlocks with the password and waits until the page is ready. */
    public static void unlock(FobPage page, String password) {
        unlockWithPassword(page, password);
        page.waitFor(java.time.Duration.ofSeconds(30), () -> page.button("Add account").isEnabled());
    }
}
