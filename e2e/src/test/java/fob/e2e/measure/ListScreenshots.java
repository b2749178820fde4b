package fob.e2e.measure;

import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The screenshots in docs/screenshots: the list on a laptop (1280 by 800) and on a phone (390 by 844), with
 * made-up accounts. Not a test: run it by name (mvn -pl e2e test -Dtest=ListScreenshots) after the list changes.
 */
class ListScreenshots {
    private static final List<String> LINKS = List.of(
            "otpauth://totp/GitHub:ann.example?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=GitHub",
            "otpauth://totp/Google:ann.example@gmail.com?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=Google",
            "otpauth://totp/Microsoft:ann@contoso.example?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA&issuer=Microsoft",
            "otpauth://totp/Mastodon:@ann@mastodon.example?secret=JBSWY3DPEHPK3PXP&issuer=Mastodon",
            "otpauth://totp/Dropbox:ann.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Dropbox",
            "otpauth://hotp/Bank:ann?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=Bank&counter=12",
            "otpauth://totp/Amazon:ann.example?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Amazon");

    @Test
    void listScreenshots() throws Exception {
        try (FobServerProcess server = FobServerProcess.start(); Chromium browser = Chromium.start()) {
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            for (String link : LINKS) {
                page.addLink(link, false);
            }
            page.button("Not now").click();
            page.button("Dismiss storage warning").click();
            page.js("document.getElementById('toast').hidden = true;");
            shoot(page, 1280, 800, Path.of("../docs/screenshots/list-laptop.png"));
            shoot(page, 390, 844, Path.of("../docs/screenshots/list-phone.png"));
        }
    }

    private static void shoot(FobPage page, int width, int height, Path file) throws Exception {
        page.driver().manage().window().setSize(new Dimension(width, height));
        // The icons arrive after the codes: wait until every account's avatar is drawn from the set.
        page.waitFor(Duration.ofSeconds(20), () -> Boolean.TRUE.equals(page.js("return Array.from("
                + "document.querySelectorAll('#accounts .avatar')).filter(function (a) { return a.querySelector('svg'); })"
                + ".length >= 3;")));
        page.js("window.scrollTo(0, 0);");
        Files.write(file, ((TakesScreenshot) page.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
