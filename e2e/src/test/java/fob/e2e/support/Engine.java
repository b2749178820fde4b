package fob.e2e.support;

import org.openqa.selenium.WebDriver;

/**
 * A browser other than Chromium, driven through Selenium's WebDriver, for the paths that must hold in every engine
 * people use (see CrossEngineSuite). Each has a new, empty profile.
 */
public interface Engine extends AutoCloseable {
    /** "WebKitGTK 2.50.6", "Firefox 153.8.0": what the driver reported, for messages. */
    String name();

    WebDriver driver();

    @Override
    void close() throws Exception;
}
