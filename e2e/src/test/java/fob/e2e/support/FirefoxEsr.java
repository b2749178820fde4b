package fob.e2e.support;

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
                "--height=900", "--profile", profile.toString(), "about:blank"), Map.of());
        firefox.awaitListening(port, Duration.ofSeconds(60));
        return new FirefoxEsr(profile, firefox, Marionette.connect(port));
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
     * Adds a virtual passkey provider: CTAP 2.1, internal, resident keys, user verification and PRF, presence given
     * automatically. Selenium's VirtualAuthenticatorOptions has no PRF switch, so this goes to Marionette directly.
     */
    public void addVirtualAuthenticator() throws Exception {
        authenticator = (String) value(marionette.call("WebAuthn:AddVirtualAuthenticator", Map.of("protocol",
                "ctap2_1", "transport", "internal", "hasResidentKey", true, "hasUserVerification", true,
                "isUserVerified", true, "hasPrf", true, "isUserConsenting", true)));
    }

    /** The passkeys the virtual provider holds, private keys included, as WebDriver exports them. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> passkeys() throws Exception {
        return (List<Map<String, Object>>) value(marionette.call("WebAuthn:GetCredentials",
                Map.of("authenticatorId", authenticator)));
    }

    /** Puts a passkey exported from another profile into this one's virtual provider. */
    public void addPasskey(Map<String, Object> passkey) throws Exception {
        Map<String, Object> params = new java.util.HashMap<>(passkey);
        params.put("authenticatorId", authenticator);
        marionette.call("WebAuthn:AddCredential", params);
    }

    private static Object value(Object result) {
        return ((Map<?, ?>) result).get("value");
    }

    @Override
    public void close() throws Exception {
        try {
            marionette.close();
        } finally {
            firefox.close();
            LocalProcess.deleteTree(profile);
        }
    }
}
