package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fob.e2e.support.BrowserTest;
import fob.e2e.support.FobServerProcess;
import fob.link.OtpAuthLink;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service worker: Fob opens and shows codes with the server down, and picks up a new deployment. */
class OfflineAndUpdateTest extends BrowserTest {
    private static final String LINK = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";

    private void waitForServiceWorkerControl() {
        page.waitFor(() -> Boolean.TRUE.equals(page.js("return !!navigator.serviceWorker.controller;")));
    }

    private String shownVersion() {
        return (String) page.js("return document.querySelector('meta[name=fob-version]').content;");
    }

    private void assertShowsDenoCode() throws Exception {
        var otp = OtpAuthLink.parse(LINK).parameters();
        page.account("Deno").assertShowsCodeOf(otp);
    }

    @Test
    void afterTheFirstVisitFobOpensWithTheServerStopped() throws Exception {
        try (FobServerProcess own = FobServerProcess.start()) {
            var ownPage = new fob.e2e.support.FobPage(browser.driver(), own.url());
            page = ownPage;
            page.open();
            page.addLink(LINK, false);
            waitForServiceWorkerControl();
            own.stop();

            page.reload();
            assertShowsDenoCode();
            assertEquals(1, page.accounts().size());
            // A fresh navigation, not only a reload, works too.
            browser.driver().get(own.url());
            page.waitUntilReady();
            assertShowsDenoCode();
        }
    }

    /**
     * Issue 26: an installed app opens at its manifest's start_url, not at the address first visited. Once the
     * service worker controls the page, that URL, read from the manifest the server serves, opens Fob's list with the
     * server stopped. The same steps, engine-neutral (a stopped server, not a browser's offline switch), are the
     * WebKit check of the cross-engine suite.
     */
    @Test
    void theManifestsStartUrlOpensWithTheServerStopped() throws Exception {
        try (FobServerProcess own = FobServerProcess.start()) {
            page = new fob.e2e.support.FobPage(browser.driver(), own.url());
            page.open();
            page.addLink(LINK, false);
            waitForServiceWorkerControl();
            URI startUrl = own.manifestStartUrl();
            own.stop();

            // Launching the app opens a window of its own at the start URL.
            browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
            browser.driver().get(startUrl.toString());
            page.waitUntilReady();
            assertShowsDenoCode();
            assertEquals(1, page.accounts().size());
            assertEquals(startUrl.toString(), browser.driver().getCurrentUrl(), "the app stays at its start URL");
        }
    }

    /** A copy of the server jar whose app.css differs: what a new deployment looks like to the browser. */
    private static Path newVersionJar() throws Exception {
        Path copy = Files.createTempFile("fob-server-next", ".jar");
        Files.copy(FobServerProcess.defaultJar(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of())) {
            Files.writeString(jar.getPath("/web/app.css"), "\n/* the next version */\n", StandardOpenOption.APPEND);
        }
        return copy;
    }

    @Test
    void aNewDeploymentIsPickedUpAndThenWorksOffline() throws Exception {
        Path nextJar = newVersionJar();
        FobServerProcess own = FobServerProcess.start();
        try {
            page = new fob.e2e.support.FobPage(browser.driver(), own.url());
            page.open();
            page.addLink(LINK, false);
            waitForServiceWorkerControl();
            String first = shownVersion();

            own = own.replaceWith(nextJar);
            String next = fetchVersion(own);
            assertNotEquals(first, next, "the modified jar is a new version");

            page.reload();
            assertEquals(next, shownVersion(), "a reload shows the new version");
            assertShowsDenoCode();
            // The new service worker takes over and caches the new version's files.
            page.waitFor(() -> next.equals(page.asyncJs("var done = arguments[0];"
                    + " caches.keys().then(function (keys) { done(keys.length === 1 ? keys[0].substring(4) : String(keys)); });")));

            own.stop();
            page.reload();
            assertEquals(next, shownVersion(), "offline, the new version opens");
            assertShowsDenoCode();
            assertEquals(java.util.List.of(), consoleProblems().stream()
                    .filter(m -> !m.contains("Failed to load resource") && !m.contains("ERR_CONNECTION_REFUSED"))
                    .toList());
        } finally {
            own.close();
            Files.deleteIfExists(nextJar);
        }
    }

    private static String fetchVersion(FobServerProcess server) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(server.url() + "healthz")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return com.grack.nanojson.JsonParser.object().from(response.body()).getString("version");
    }
}
