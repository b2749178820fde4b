package fob.e2e.measure;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.FobPage;
import fob.link.OtpAuthLink;
import fob.otp.HashAlgorithm;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebElement;

/** Fills a page's vault with many accounts, through "Import" as a person with a list of links would. */
public final class Seed {
    private Seed() {
    }

    /** {@code count} TOTP accounts (SHA-1, 6 digits, 30 s) with random secrets, as otpauth links. */
    public static List<String> links(int count) throws InvalidOtpException {
        SecureRandom random = new SecureRandom();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] secret = new byte[20];
            random.nextBytes(secret);
            links.add(new OtpAuthLink("Issuer " + i, "user" + i, OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1,
                    6, 30, 0, secret)).format());
        }
        return links;
    }

    /** A vault of {@code count} TOTP accounts with random secrets, made on the JVM (for a backup sealed there). */
    static fob.vault.Vault vault(int count) throws Exception {
        SecureRandom random = new SecureRandom();
        List<fob.vault.Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] secret = new byte[20];
            random.nextBytes(secret);
            accounts.add(new fob.vault.Account(String.format("%032x", i), fob.vault.AccountKind.STANDARD, "Issuer " + i,
                    "user" + i + "@example.com", OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 30, 0, secret),
                    "", 1_700_000_000_000L + i, 1_700_000_000_000L + i));
        }
        return new fob.vault.Vault(accounts, fob.vault.Settings.DEFAULTS);
    }

    public static void importLinks(FobPage page, List<String> links) {
        int before = page.accounts().size();
        page.button("Settings").click();
        page.button(page.dialog("Settings"), "Import").click();
        WebElement dialog = page.dialog("Import");
        page.js("var t = document.getElementById('import-text'); t.value = arguments[0];"
                + " t.dispatchEvent(new Event('input'));", String.join("\n", links));
        page.button(dialog, "Preview").click();
        // Reading and checking 10,000 links takes a while on a slow machine.
        page.waitFor(java.time.Duration.ofMinutes(2), () -> page.isPresent(dialog, "button", "Import selected"));
        page.button(dialog, "Import selected").click();
        page.waitFor(java.time.Duration.ofMinutes(2), () -> ((Number) page.js(
                "return document.getElementById('accounts').childElementCount;")).intValue() == before + links.size());
        if (page.isPresent(page.driver(), "dialog", "Settings")) {
            BackupFlows.closeSettings(page);
        }
    }
}
