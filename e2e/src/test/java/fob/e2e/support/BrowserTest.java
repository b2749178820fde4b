package fob.e2e.support;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One real server per test class; a fresh browser profile per test, so that tests share no vault. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {
    protected FobServerProcess server;
    protected Chromium browser;
    protected FobPage page;

    @BeforeAll
    void startServer() throws Exception {
        server = FobServerProcess.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = recordsTraffic() ? Chromium.startRecordingTraffic(browserArguments())
                : Chromium.start(browserArguments());
        page = new FobPage(browser.driver(), server.url());
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** Extra Chromium flags for a test class (a fake camera, say). */
    protected String[] browserArguments() {
        return new String[0];
    }

    /** Whether the test class reads what the page sent (Chromium.sentRequests). */
    protected boolean recordsTraffic() {
        return false;
    }

    /** Console errors and CSP reports: a working page logs none. */
    protected List<String> consoleProblems() {
        return browser.consoleMessages().stream()
                .filter(m -> m.startsWith("SEVERE") || m.contains("Content Security Policy") || m.contains("Trusted Type"))
                // The browser logs every 4xx of fetch(); the API's 401 and 404 are answers, not faults.
                .filter(m -> !(m.contains("/api/") && m.contains("Failed to load resource")))
                .collect(Collectors.toList());
    }
}
