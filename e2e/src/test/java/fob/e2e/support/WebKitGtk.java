package fob.e2e.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Debian's WebKitGTK: its MiniBrowser on a virtual display, through Debian's WebKitWebDriver (Selenium's
 * WebKitGTKDriver, a thin wrapper of the same, is not served by the Maven registry this build uses). Each start
 * is a new automation session, whose website data is its own.
 */
public final class WebKitGtk implements Engine {
    private static final String MINI_BROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

    private final LocalProcess webDriver;
    private final RemoteWebDriver driver;

    private WebKitGtk(LocalProcess webDriver, RemoteWebDriver driver) {
        this.webDriver = webDriver;
        this.driver = driver;
    }

    public static WebKitGtk start() throws Exception {
        int port = FobServerProcess.freePort();
        LocalProcess webDriver = LocalProcess.start(List.of(System.getProperty("webkitwebdriver.binary",
                "/usr/bin/WebKitWebDriver"), "--port=" + port), Map.of("DISPLAY", Xvfb.display()));
        try {
            webDriver.awaitListening(port, Duration.ofSeconds(30));
            MutableCapabilities capabilities = new MutableCapabilities(Map.of("browserName", "MiniBrowser",
                    "webkitgtk:browserOptions", Map.of("binary", System.getProperty("minibrowser.binary",
                            MINI_BROWSER), "args", List.of("--automation"))));
            RemoteWebDriver driver = new RemoteWebDriver(URI.create("http://127.0.0.1:" + port).toURL(),
                    capabilities);
            driver.manage().window().setSize(new Dimension(1000, 900));
            return new WebKitGtk(webDriver, driver);
        } catch (Exception | Error e) {
            webDriver.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "WebKitGTK " + driver.getCapabilities().getBrowserVersion();
    }

    @Override
    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            webDriver.close();
        }
    }
}
