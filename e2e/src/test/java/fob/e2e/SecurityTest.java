package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSP and the other headers as the browser meets them, and where the page keeps its secrets. */
class SecurityTest extends BrowserTest {
    private static final String RECORD_VIOLATIONS = "window.fobViolations = [];"
            + " document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.fobViolations.push(e.violatedDirective + ' ' + e.blockedURI); });";

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void thePageRunsUnderItsStrictPolicyWithNoViolation() throws Exception {
        String csp = get("/").headers().firstValue("Content-Security-Policy").orElse("");
        java.util.Map<String, String> directives = new java.util.TreeMap<>();
        for (String directive : csp.split(";")) {
            String[] parts = directive.trim().split(" ", 2);
            assertEquals(null, directives.put(parts[0], parts.length > 1 ? parts[1] : ""), "repeated: " + parts[0]);
        }
        // Every directive, exactly: a policy that gained a source or lost Trusted Types fails here.
        assertEquals(java.util.Map.of("default-src", "'self'", "script-src", "'self'", "object-src", "'none'",
                "base-uri", "'none'", "frame-ancestors", "'none'", "form-action", "'none'",
                "require-trusted-types-for", "'script'", "trusted-types", "fob"), directives, csp);
        assertFalse(csp.contains("unsafe-eval") || csp.contains("unsafe-inline"), csp);

        browser.cdp("Page.enable", Map.of());
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        page.open();
        page.addLink("otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno", false);
        page.button("Settings").click();
        page.button(page.dialog("Settings"), "Close").click();
        page.reload();
        assertEquals(List.of(), page.js("return window.fobViolations;"));
        assertEquals(List.of(), consoleProblems());

        // The policy is enforced, and the recorder sees what it blocks: an image from elsewhere is refused.
        page.js("var image = document.createElement('img'); image.src = 'http://127.0.0.1:9/tracker.png';"
                + " document.body.appendChild(image);");
        page.waitFor(() -> String.valueOf(page.js("return window.fobViolations.join();")).startsWith("img-src"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        String version = new String(get("/healthz").body()).replaceAll(".*\"version\":\"([0-9a-f]+)\".*", "$1");
        for (String path : List.of("/", "/sw.js", "/healthz", "/v/" + version + "/app.js", "/no-such-page",
                "/v/0000/app.js", "/api/nothing")) {
            HttpResponse<byte[]> response = get(path);
            var headers = response.headers();
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(null), path);
            assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            if (response.statusCode() != 200) {
                assertFalse(new String(response.body()).contains("Exception"), path);
            }
        }
        assertEquals(404, get("/v/0000/app.js").statusCode(), "an old version's files are not served as new ones");
        assertEquals(404, get("/api/nothing").statusCode());
        assertTrue(new String(get("/api/nothing").body()).contains("\"error\":\"not_found\""));

        HttpResponse<byte[]> wasm = get("/v/" + version + "/worker.wasm");
        assertEquals("application/wasm", wasm.headers().firstValue("Content-Type").orElse(null));
        assertEquals("public, max-age=31536000, immutable", wasm.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-cache", get("/").headers().firstValue("Cache-Control").orElse(null));
        String workerCsp = get("/v/" + version + "/worker.js").headers()
                .firstValue("Content-Security-Policy").orElse("");
        assertTrue(workerCsp.contains("'wasm-unsafe-eval'"), workerCsp);
    }

    @Test
    void secretsStayEncryptedInIndexedDbAndNothingGoesToLocalStorage() throws Exception {
        page.open();
        page.addLink("otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno", false);
        page.js("localStorage.setItem('probe', '1'); localStorage.removeItem('probe');");
        assertEquals(0L, page.js("return localStorage.length + sessionStorage.length;"));
        assertEquals("", page.js("return document.cookie;"));

        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) page.asyncJs("var done = arguments[0];"
                + " var open = indexedDB.open('fob');"
                + " open.onsuccess = function () {"
                + "  var store = open.result.transaction('kv').objectStore('kv');"
                + "  var vault = store.get('vault'), key = store.get('deviceKey');"
                + "  key.onsuccess = function () {"
                + "   var bytes = function (a) { return Array.from(new Uint8Array(a.buffer || a)); };"
                + "   var text = new TextDecoder('latin1').decode(new Uint8Array(vault.result.ciphertext.buffer));"
                + "   done({keyType: String(key.result), extractable: key.result.extractable,"
                + "    algorithm: key.result.algorithm.name, ciphertextLength: bytes(vault.result.ciphertext).length,"
                + "    plaintextVisible: text.indexOf('4SJHB4GSD43FZBAI7C2HLRJGPQ') >= 0 || text.indexOf('Deno') >= 0,"
                + "    fields: Object.keys(vault.result).sort().join(',')});"
                + "  }; };");
        assertEquals("[object CryptoKey]", stored.get("keyType"));
        assertEquals(Boolean.FALSE, stored.get("extractable"));
        assertEquals("AES-GCM", stored.get("algorithm"));
        assertEquals(Boolean.FALSE, stored.get("plaintextVisible"));
        assertEquals("ciphertext,format,keyNonce,nonce,revision,savedAt,wrappedKey", stored.get("fields"));
    }
}
