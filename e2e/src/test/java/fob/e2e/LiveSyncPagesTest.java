package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.VirtualAuthenticator;
import fob.server.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.WindowType;
import org.junit.jupiter.api.Test;

/**
 * Live sync (issue 14): two server jars on one PostgreSQL, a page on each (two browsers, one recovery account);
 * an edit on one page shows on the other within 2 s, where the page's poll alone would take up to a minute.
 */
class LiveSyncPagesTest {
    private static final String[] LINKS = {
        "otpauth://totp/Live%20One:ann?secret=JBSWY3DPEHPK3PXP&issuer=Live%20One",
        "otpauth://totp/Live%20Two:ann?secret=KRSXG5CTMVRXEZLU&issuer=Live%20Two",
        "otpauth://totp/Live%20Three:ann?secret=MFRGGZDFMZTWQ2LK&issuer=Live%20Three"};

    private static boolean shows(FobPage page, String issuer) {
        return page.accounts().stream().map(AccountItem::issuer).anyMatch(issuer::equals);
    }

    @Test
    void anEditOnAPageOfOneServerShowsOnAPageOfTheOtherWithinTwoSeconds() throws Exception {
        String database = TestPostgres.get().newDatabase();
        try (FobServerProcess nodeA = FobServerProcess.start("--db-url=" + database, "--db-user=fob");
                FobServerProcess nodeB = FobServerProcess.start("--db-url=" + database, "--db-user=fob");
                Chromium first = Chromium.start(Chromium.UNTHROTTLED);
                Chromium second = Chromium.start(Chromium.UNTHROTTLED)) {
            VirtualAuthenticator passkey = VirtualAuthenticator.add(first, true);
            FobPage one = new FobPage(first.driver(), nodeA.url()).open();
            String code = BackupFlows.createRecoveryAccount(one, "Ann");
            BackupFlows.closeSettings(one);

            FobPage two = BackupFlows.restoreInAnotherBrowser(second, passkey, nodeB.url(), code);

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < LINKS.length; i++) {
                String issuer = LINKS[i].substring(LINKS[i].lastIndexOf('=') + 1).replace("%20", " ");
                one.addLink(LINKS[i], false);
                long started = System.nanoTime();
                two.waitFor(Duration.ofSeconds(10), () -> shows(two, issuer) ? true : null);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            System.out.println("LiveSyncPagesTest: an edit on node A's page showed on node B's page after " + millis
                    + " ms (from the moment it showed on node A's page)");
            for (long each : millis) {
                assertTrue(each < 2_000, "each edit within 2 s: " + millis);
            }
        }
    }

    @Test
    void aPageWhoseStreamBrokeReconnectsAndHearsChangesAgain() throws Exception {
        int metricsPort = FobServerProcess.freePort();
        FobServerProcess server = FobServerProcess.start("--metrics-port=" + metricsPort);
        try (Chromium first = Chromium.start(Chromium.UNTHROTTLED);
                Chromium second = Chromium.start(Chromium.UNTHROTTLED)) {
            VirtualAuthenticator passkey = VirtualAuthenticator.add(first, true);
            FobPage one = new FobPage(first.driver(), server.url()).open();
            String code = BackupFlows.createRecoveryAccount(one, "Ann");
            BackupFlows.closeSettings(one);
            FobPage two = BackupFlows.restoreInAnotherBrowser(second, passkey, server.url(), code);
            one.waitFor(() -> metricOrNull(metricsPort, "fob_live_clients", 2));

            // A redeployment: the streams break, and the pages try again after 1, 2, 4 ... seconds.
            server = server.replaceWith(FobServerProcess.defaultJar());
            int port = metricsPort;
            one.waitFor(Duration.ofSeconds(30), () -> metricOrNull(port, "fob_live_clients", 2));

            one.addLink(LINKS[0], false);
            String issuer = "Live One";
            two.waitFor(Duration.ofSeconds(10), () -> shows(two, issuer) ? true : null);
        } finally {
            server.close();
        }
    }

    @Test
    void aBrowserHoldsOneStreamWhateverItsTabsAndAnotherTabTakesOverWhenTheLeaderCloses() throws Exception {
        int metricsPort = FobServerProcess.freePort();
        try (FobServerProcess server = FobServerProcess.start("--metrics-port=" + metricsPort);
                Chromium browser = Chromium.start(Chromium.UNTHROTTLED)) {
            VirtualAuthenticator.add(browser, true);
            FobPage leader = new FobPage(browser.driver(), server.url()).open();
            BackupFlows.createRecoveryAccount(leader, "Ann");
            BackupFlows.closeSettings(leader);
            leader.waitFor(() -> metricOrNull(metricsPort, "fob_live_streams_opened_total", 1));

            String leaderTab = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            FobPage follower = new FobPage(browser.driver(), server.url()).open();
            BackupFlows.waitForStatus(follower, "Backup up to date");
            // Watched for two seconds: the second tab opens no stream of its own.
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < until) {
                assertEquals(1, metric(metricsPort, "fob_live_streams_opened_total"), "one stream for two tabs");
            }

            String followerTab = browser.driver().getWindowHandle();
            browser.driver().switchTo().window(leaderTab).close();
            browser.driver().switchTo().window(followerTab);
            follower.waitFor(Duration.ofSeconds(10), () -> metricOrNull(metricsPort, "fob_live_streams_opened_total",
                    2));
        }
    }

    /**
     * A tab open before Cloud backup was turned on in another tab of the browser follows it (it used to say "Not
     * backed up" until reloaded), and when it comes to lead it holds the stream and hears another browser's edit.
     */
    @Test
    void aTabOpenBeforeBackupWasTurnedOnElsewhereFollowsItAndTakesOverTheStream() throws Exception {
        int metricsPort = FobServerProcess.freePort();
        try (FobServerProcess server = FobServerProcess.start("--metrics-port=" + metricsPort);
                Chromium browser = Chromium.start(Chromium.UNTHROTTLED);
                Chromium other = Chromium.start(Chromium.UNTHROTTLED)) {
            VirtualAuthenticator passkey = VirtualAuthenticator.add(browser, true);
            FobPage leader = new FobPage(browser.driver(), server.url()).open();
            leader.addLink(LINKS[0], false);
            String leaderTab = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            FobPage follower = new FobPage(browser.driver(), server.url()).open();
            String followerTab = browser.driver().getWindowHandle();
            browser.driver().switchTo().window(leaderTab);
            String code = BackupFlows.createRecoveryAccount(leader, "Ann");
            BackupFlows.closeSettings(leader);
            BackupFlows.waitForStatus(leader, "Backup up to date");
            FobPage elsewhere = BackupFlows.restoreInAnotherBrowser(other, passkey, server.url(), code);
            browser.driver().switchTo().window(followerTab);
            BackupFlows.waitForStatus(follower, "Backup up to date");

            browser.driver().switchTo().window(leaderTab).close();
            browser.driver().switchTo().window(followerTab);
            follower.waitFor(Duration.ofSeconds(10), () -> metricOrNull(metricsPort, "fob_live_streams_opened_total",
                    3));

            elsewhere.addLink(LINKS[1], false);
            follower.waitFor(Duration.ofSeconds(10), () -> shows(follower, "Live Two") ? true : null);
            BackupFlows.waitForStatus(follower, "Backup up to date");
            follower.addLink(LINKS[2], false);
            elsewhere.waitFor(Duration.ofSeconds(10), () -> shows(elsewhere, "Live Three") ? true : null);
        }
    }

    /** A metric's value, from the server's metrics port. */
    private static long metric(int metricsPort, String name) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.]+)").matcher(metrics.body());
        return value.find() ? (long) Double.parseDouble(value.group(1)) : -1;
    }

    private static Boolean metricOrNull(int metricsPort, String name, long expected) {
        try {
            return metric(metricsPort, name) == expected ? true : null;
        } catch (Exception notYet) {
            return null;
        }
    }
}
