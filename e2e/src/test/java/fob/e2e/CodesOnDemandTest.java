package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.link.OtpAuthLink;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Codes on demand (issue 13): "Hide codes until clicked", and the next code in a period's last 10 seconds. */
class CodesOnDemandTest extends BrowserTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    /** A 12-second period: its next code shows for 10 seconds of every 12. */
    private static final String SHORT = "otpauth://totp/Short:x?secret=JBSWY3DPEHPK3PXP&issuer=Short&period=12";

    private String shownText(AccountItem item) {
        return item.element().findElement(By.className("code")).getText();
    }

    @Test
    void hiddenCodesShowOnlyWhenClickedAndStayHiddenAfterAReload() throws Exception {
        page.open();
        page.addLink(DENO, false);
        WebElement settings = BackupFlows.openSettings(page);
        page.byRole(settings, "checkbox", "Hide codes until clicked").click();
        BackupFlows.closeSettings(page);
        page.waitFor(() -> shownText(page.account("Deno")).equals("••• •••"));

        page.reload();
        AccountItem deno = page.account("Deno");
        page.waitFor(() -> shownText(deno).equals("••• •••"));
        WebElement code = deno.element().findElement(By.className("code"));
        assertEquals("Show code", code.getAccessibleName(), "a click shows the code first");
        code.click();
        page.waitFor(() -> shownText(deno).matches("\\d{3} \\d{3}"));
        page.waitFor(() -> code.getAccessibleName().equals("Copy code " + shownText(deno)));
        deno.assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
    }

    @Test
    void theNextCodeShowsInThePeriodsLastTenSecondsAndThenBecomesTheCode() throws Exception {
        page.open();
        page.addLink(SHORT, false);
        AccountItem item = page.account("Short");
        WebElement next = item.element().findElement(By.className("next"));
        // Wait for a period's start (no next code), then for its last 10 seconds.
        page.waitFor(Duration.ofSeconds(15), () -> !next.isDisplayed());
        String current = item.code();
        String upcoming = page.waitFor(Duration.ofSeconds(15), () -> next.isDisplayed() ? next.getText() : null);
        assertTrue(upcoming.matches("next \\d{3} \\d{3}"), upcoming);
        assertEquals(current, item.code(), "the current code still shows beside the next");
        page.waitFor(Duration.ofSeconds(15), () -> !item.code().equals(current));
        assertEquals(upcoming.substring("next ".length()).replace(" ", ""), item.code(),
                "the code shown next is the code of the next period");
    }
}
