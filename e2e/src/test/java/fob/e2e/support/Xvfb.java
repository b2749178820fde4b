package fob.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One virtual X display for the test run (Debian's Xvfb), for WebKitGTK's MiniBrowser, which has no headless
 * mode. Started when first needed, ended with the JVM.
 */
final class Xvfb {
    private static String display;

    private Xvfb() {
    }

    static synchronized String display() throws IOException {
        if (display == null) {
            // -displayfd: the server picks a free display number and writes it once it accepts connections.
            Process xvfb = new ProcessBuilder(System.getProperty("xvfb.binary", "/usr/bin/Xvfb"), "-displayfd", "1",
                    "-screen", "0", "1280x1024x24", "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(xvfb::destroy));
            String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (number == null) {
                throw new IOException("Xvfb ended before it opened a display");
            }
            display = ":" + number.trim();
        }
        return display;
    }
}
