package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Issue 15: service icons on demand, a letter without one, an own image that survives an export and an import. */
class IconsTest extends BrowserTest {
    private static final String GITHUB = "otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";
    private static final String UNKNOWN = "otpauth://totp/Zzyzx%20Bank:ann?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ"
            + "&issuer=Zzyzx%20Bank";

    private static String avatar(FobPage page, String issuer) {
        WebElement avatar = page.account(issuer).element().findElement(By.className("avatar"));
        if (!avatar.findElements(By.tagName("svg")).isEmpty()) {
            return "set icon";
        }
        if (!avatar.findElements(By.tagName("canvas")).isEmpty()) {
            return "image";
        }
        return "letter " + avatar.getText().trim();
    }

    @Test
    void aKnownIssuerGetsItsIconAfterTheFirstCodesAndAnUnknownOneItsLetter() {
        page.open();
        page.addLink(GITHUB, false);
        page.addLink(UNKNOWN, false);
        page.waitFor(() -> avatar(page, "GitHub").equals("set icon"));
        assertEquals("letter Z", avatar(page, "Zzyzx Bank"));

        page.reload();
        page.waitFor(() -> avatar(page, "GitHub").equals("set icon"));
        // What the page loaded before its first code: nothing of the icon set.
        Object early = page.js("var first = performance.getEntriesByName('fob-first-code')[0].startTime;"
                + " return performance.getEntriesByType('resource').filter(function (r) {"
                + " return r.name.indexOf('/icons/set/') >= 0 && r.startTime < first; }).length;");
        assertEquals(0L, early);
        Object shards = page.js("return performance.getEntriesByType('resource').filter(function (r) {"
                + " return r.name.indexOf('/icons/set/') >= 0; }).map(function (r) {"
                + " return r.name.substring(r.name.lastIndexOf('/') + 1); });");
        // GitHub's shard (50), and Zzyzx Bank's, which lacks it (shard of "zzyzxbank", computed apart from Fob).
        List<?> fetched = (List<?>) shards;
        assertEquals(java.util.Set.of("50.json", "48.json"), new java.util.HashSet<>(fetched));
        assertEquals(2, fetched.size(), "each shard once");
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void anIconChosenFromTheSetAndAnOwnImageSurviveAnExportAndAnImport() throws Exception {
        Path downloads = Files.createTempDirectory("fob-downloads");
        browser.downloadsTo(downloads);
        page.open();
        page.addLink(UNKNOWN, false);
        page.addLink(GITHUB, false);

        // An own image: whatever the file, Fob keeps a PNG it drew itself.
        Path picture = Files.createTempFile("icon", ".png");
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x12, 0x80, 0x40));
        graphics.fillRect(0, 0, 300, 200);
        graphics.dispose();
        ImageIO.write(image, "png", picture.toFile());
        page.account("Zzyzx Bank").button("Edit").click();
        WebElement edit = page.dialog("Edit account");
        page.byRole(edit, "file", "Icon image").sendKeys(picture.toString());
        try {
            page.waitFor(() -> page.driver().findElement(By.id("icon-state")).getText().equals("Your own image."));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(page.driver().findElement(By.id("field-icon")).getAttribute("outerHTML") + "\n"
                    + browser.consoleMessages(), e);
        }
        page.button(edit, "Save").click();
        try {
            page.waitFor(() -> avatar(page, "Zzyzx Bank").equals("image"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(page.account("Zzyzx Bank").element().getAttribute("outerHTML") + "\n"
                    + browser.consoleMessages(), e);
        }

        // Another icon of the set for GitHub, picked by name.
        page.account("GitHub").button("Edit").click();
        WebElement second = page.dialog("Edit account");
        page.button(second, "Choose icon").click();
        WebElement picker = page.dialog("Choose icon");
        WebElement search = page.byRole(picker, "searchbox", "Search icons");
        search.clear();
        search.sendKeys("GitLab");
        page.button(page.byRole(picker, "list", "Icons"), "GitLab").click();
        page.waitFor(() -> page.driver().findElement(By.id("icon-state")).getText()
                .equals("From Fob's icons: GitLab."));
        page.button(page.dialog("Edit account"), "Save").click();
        page.waitFor(() -> "#FC6D26".equalsIgnoreCase(colour(page, "GitHub")));

        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Export").click();
        WebElement export = page.dialog("Export");
        page.fill(export, "password", "Password", "correct horse battery");
        page.fill(export, "password", "Repeat password", "correct horse battery");
        page.button(export, "Export").click();
        Path file = page.waitFor(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().startsWith("fob-export-")).findFirst()
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });

        try (Chromium other = Chromium.start()) {
            FobPage elsewhere = new FobPage(other.driver(), server.url()).open();
            WebElement otherSettings = BackupFlows.openSettings(elsewhere);
            elsewhere.button(otherSettings, "Import").click();
            WebElement dialog = elsewhere.dialog("Import");
            elsewhere.byRole(dialog, "file", "File to import").sendKeys(file.toString());
            elsewhere.button(dialog, "Preview").click();
            elsewhere.fill(dialog, "password", "Password", "correct horse battery");
            elsewhere.button(dialog, "Preview").click();
            elsewhere.button(dialog, "Import selected").click();
            elsewhere.waitFor(() -> elsewhere.accounts().size() == 2);
            elsewhere.waitFor(() -> avatar(elsewhere, "Zzyzx Bank").equals("image"));
            elsewhere.waitFor(() -> "#FC6D26".equalsIgnoreCase(colour(elsewhere, "GitHub")));
            Object green = elsewhere.js("var c = arguments[0].querySelector('canvas');"
                    + " var d = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data;"
                    + " return [c.width, c.height, d[0], d[1], d[2]];",
                    elsewhere.account("Zzyzx Bank").element().findElement(By.className("avatar")));
            assertEquals(List.of(96L, 96L, 18L, 128L, 64L), green, "the image, drawn anew 96 pixels square");
        }
    }

    @Test
    void anAegisFilesIconIsImportedDrawnAnew() throws Exception {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xC0, 0x20, 0x30));
        graphics.fillRect(0, 0, 40, 40);
        graphics.dispose();
        var png = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path file = Files.createTempFile("aegis", ".json");
        Files.writeString(file, "{\"version\":1,\"header\":{\"slots\":null,\"params\":null},\"db\":{\"version\":2,"
                + "\"entries\":[{\"type\":\"totp\",\"name\":\"ann\",\"issuer\":\"Zzyzx Bank\",\"icon\":\""
                + java.util.Base64.getEncoder().encodeToString(png.toByteArray()) + "\",\"icon_mime\":\"image/png\","
                + "\"info\":{\"secret\":\"4SJHB4GSD43FZBAI7C2HLRJGPQ\",\"algo\":\"SHA1\",\"digits\":6,"
                + "\"period\":30}}]}}");
        page.open();
        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Import").click();
        WebElement dialog = page.dialog("Import");
        page.byRole(dialog, "file", "File to import").sendKeys(file.toString());
        page.button(dialog, "Preview").click();
        page.button(dialog, "Import selected").click();
        page.waitFor(() -> page.accounts().size() == 1);
        page.waitFor(() -> avatar(page, "Zzyzx Bank").equals("image"));
        Object red = page.js("var c = arguments[0].querySelector('canvas');"
                + " var d = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data;"
                + " return [c.width, d[0], d[1], d[2]];",
                page.account("Zzyzx Bank").element().findElement(By.className("avatar")));
        assertEquals(List.of(96L, 192L, 32L, 48L), red, "Aegis's icon, drawn anew 96 pixels square");
    }

    private static String colour(FobPage page, String issuer) {
        WebElement avatar = page.account(issuer).element().findElement(By.className("avatar"));
        if (avatar.findElements(By.tagName("svg")).isEmpty()) {
            return "";
        }
        String rgb = avatar.getCssValue("background-color");
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return String.format("#%02X%02X%02X", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }
}
