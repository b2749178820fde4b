package fob.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Debian's Firefox ESR, headless, with a new profile, driven through its Marionette protocol (see
 * {@link MarionetteExecutor}: geckodriver is not packaged).
 */
public final class FirefoxEsr implements Engine {
    /**
     * The profile's preferences: no first-run pages, updates or telemetry (the machine's network is closed), and
     * Firefox's test token, through which Marionette's virtual authenticators answer passkey ceremonies.
     */
    private static final List<String> PREFERENCES = List.of(
            "browser.shell.checkDefaultBrowser\", false",
            "browser.startup.homepage_override.mstone\", \"ignore\"",
            "app.update.disabledForTesting\", true",
            "datareporting.policy.dataSubmissionEnabled\", false",
            "toolkit.telemetry.reportingpolicy.firstRun\", false",
            "network.captive-portal-service.enabled\", false",
            "browser.safebrowsing.update.enabled\", false",
            "remote.prefs.recommended\", true",
            "security.webauth.webauthn_enable_softtoken\", true",
            "security.webauth.webauthn_enable_usbtoken\", false");

    private final Path profile;
    private final LocalProcess firefox;
    private final Marionette marionette;
    private final RemoteWebDriver driver;
    private String authenticator;

    private FirefoxEsr(Path profile, LocalProcess firefox, Marionette marionette) {
        this.profile = profile;
        this.firefox = firefox;
        this.marionette = marionette;
        MutableCapabilities capabilities = new MutableCapabilities(Map.of("browserName", "firefox"));
        this.driver = new RemoteWebDriver(new MarionetteExecutor(marionette), capabilities);
    }

    public static FirefoxEsr start() throws Exception {
        Path profile = Files.createTempDirectory("fob-firefox");
        int port = FobServerProcess.freePort();
        StringBuilder userJs = new StringBuilder();
        for (String preference : PREFERENCES) {
            userJs.append("user_pref(\"").append(preference).append(");\n");
        }
        userJs.append("user_pref(\"marionette.port\", ").append(port).append(");\n");
        Files.writeString(profile.resolve("user.js"), userJs);
        LocalProcess firefox = LocalProcess.start(List.of(System.getProperty("firefox.binary",
                "/usr/bin/firefox-esr"), "--headless", "--no-remote", "--marionette", "--width=1000",
                "--height=900", "--profile", profile.toString(), "about:blank"),
                Map.of("MOZ_CRASHREPORTER_DISABLE", "1"));
        Marionette marionette = null;
        try {
            firefox.awaitListening(port, Duration.ofSeconds(60));
            marionette = Marionette.connect(port);
            return new FirefoxEsr(profile, firefox, marionette);
        } catch (Exception | Error e) {
            if (marionette != null) {
                marionette.close();
            }
            firefox.close();
            LocalProcess.deleteTree(profile);
            throw e;
        }
    }

    @Override
    public String name() {
        return "Firefox " + driver.getCapabilities().getBrowserVersion();
    }

    @Override
    public WebDriver driver() {
        return driver;
    }

    /**
     * Adds a virtual passkey provider: CTAP 2.1, internal, resident keys, user verification, presence given
     * automatically. Firefox's virtual authenticators always offer PRF (hmac-secret): Marionette takes no switch for
     * it, and the App lock, which refuses a passkey without PRF, locks with this one (FirefoxTest).
     */
    public void addVirtualAuthenticator() throws Exception {
        authenticator = (String) value(marionette.call("WebAuthn:AddVirtualAuthenticator", Map.of("protocol",
                "ctap2_1", "transport", "internal", "hasResidentKey", true, "hasUserVerification", true,
                "isUserVerified", true, "isUserConsenting", true)));
    }

    private static Object value(Object result) {
        return ((Map<?, ?>) result).get("value");
    }

    @Override
    public void close() throws Exception {
        try {
            // As geckodriver ends a session: Firefox quits by itself, writing its profile before it goes.
            marionette.call("Marionette:Quit", Map.of("flags", List.of("eForceQuit")));
            firefox.awaitExit(Duration.ofSeconds(10));
        } catch (IOException | RuntimeException alreadyGone) {
            // Ended or hung: the process is ended below either way.
        } finally {
            marionette.close();
            firefox.close();
            LocalProcess.deleteTree(profile);
        }
    }
}
