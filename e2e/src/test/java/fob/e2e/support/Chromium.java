package fob.e2e.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver (named explicitly, so Selenium never tries
 * to download one), with a profile of its own.
 */
public final class Chromium implements AutoCloseable {
    /** Flags for tests whose background tabs must run their timers and broadcasts on time (see FobPage.clickAt). */
    public static final String[] UNTHROTTLED = {"--disable-background-timer-throttling",
        "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"};

    private final Path profile;
    private final boolean ownsProfile;
    private final ChromeDriver driver;
    private boolean closed;

    private final boolean recordsTraffic;

    private Chromium(Path profile, boolean ownsProfile, List<String> extraArguments) {
        this(profile, ownsProfile, extraArguments, false);
    }

    private Chromium(Path profile, boolean ownsProfile, List<String> extraArguments, boolean recordsTraffic) {
        this.recordsTraffic = recordsTraffic;
        this.profile = profile;
        this.ownsProfile = ownsProfile;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1000,900", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        if (recordsTraffic) {
            // The DevTools Network events, as chromedriver logs them: every request the page sends, with its body.
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        }
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A browser with a new, empty profile. */
    public static Chromium start(String... extraArguments) throws IOException {
        return new Chromium(Files.createTempDirectory("fob-chromium"), true, List.of(extraArguments));
    }

    /** A browser with a new, empty profile that records every request its pages send (see {@link #sentRequests}). */
    public static Chromium startRecordingTraffic(String... extraArguments) throws IOException {
        return new Chromium(Files.createTempDirectory("fob-chromium"), true, List.of(extraArguments), true);
    }

    /**
     * The requests sent since the last call, from the DevTools protocol's Network.requestWillBeSent events: "METHOD
     * URL" and the body. A body the event does not carry is fetched with Network.getRequestPostData; one that cannot be
     * had fails the call, so that a check of what was sent never passes for want of looking.
     */
    public List<String> sentRequests() throws Exception {
        if (!recordsTraffic) {
            throw new IllegalStateException("this browser was not started to record traffic");
        }
        List<String> requests = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            com.grack.nanojson.JsonObject message = com.grack.nanojson.JsonParser.object().from(entry.getMessage())
                    .getObject("message");
            if (!"Network.requestWillBeSent".equals(message.getString("method"))) {
                continue;
            }
            com.grack.nanojson.JsonObject params = message.getObject("params");
            com.grack.nanojson.JsonObject request = params.getObject("request");
            String body = request.getString("postData", "");
            if (request.getBoolean("hasPostData", false) && body.isEmpty()) {
                Object fetched = cdp("Network.getRequestPostData", Map.of("requestId", params.getString("requestId")))
                        .get("postData");
                if (fetched == null) {
                    throw new IllegalStateException("the body of " + request.getString("url") + " could not be read");
                }
                body = fetched.toString();
            }
            requests.add(request.getString("method") + " " + request.getString("url") + " " + body);
        }
        return requests;
    }

    /** Quits this browser and starts it again on the same profile, as a person restarting it would. */
    public Chromium restart() {
        closed = true;
        driver.quit();
        return new Chromium(profile, ownsProfile, List.of());
    }

    public ChromeDriver driver() {
        return driver;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Lets the page save files, into {@code directory}. */
    public void downloadsTo(Path directory) {
        cdp("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", directory.toString()));
    }

    /** Console messages since the last call. */
    public List<String> consoleMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            messages.add(entry.getLevel() + " " + entry.getMessage());
        }
        return messages;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            if (ownsProfile) {
                LocalProcess.deleteTree(profile);
            }
        }
    }
}
