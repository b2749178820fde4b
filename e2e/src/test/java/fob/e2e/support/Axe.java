package fob.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * axe-core (the version e2e/axe/package-lock.json pins; Maven installs it with npm) run on the page as it is, and
 * its violations as text a person can act on.
 */
public final class Axe {
    private static final Path SOURCE = Path.of("axe/node_modules/axe-core/axe.min.js");
    private static String source;

    private Axe() {
    }

    private static synchronized String source() throws IOException {
        if (source == null) {
            if (!Files.exists(SOURCE)) {
                throw new IllegalStateException(SOURCE.toAbsolutePath() + " is missing: run the tests through Maven"
                        + " (bin/test), whose generate-test-resources phase runs npm ci in e2e/axe");
            }
            source = Files.readString(SOURCE);
        }
        return source;
    }

    /**
     * The WCAG 2.x A and AA rules, axe's best practices and its experimental rules (among them Label in Name,
     * {@code label-content-name-mismatch}), on the whole document; "" when nothing is violated, else
     * one line per violation and element. The page's CSP must be bypassed (Page.setBypassCSP): axe evaluates code.
     */
    public static String violations(FobPage page) throws IOException {
        if (!Boolean.TRUE.equals(page.js("return typeof window.axe === 'object';"))) {
            page.js(source());
        }
        Object result = ((org.openqa.selenium.JavascriptExecutor) page.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22aa', 'best-practice', 'experimental']}, resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return v.nodes.map(function (n) {"
                + "    return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + n.target.join(' ') + ' ' +"
                + "      (n.failureSummary || '').replace(/\\s+/g, ' '); }).join('\\n'); }).join('\\n'));"
                + "}, function (e) { done('axe failed: ' + e); });");
        return (String) result;
    }
}
