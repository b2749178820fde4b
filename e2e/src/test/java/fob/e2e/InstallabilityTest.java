package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.PageHead;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 26: what browsers, iOS and macOS Safari among them, read to install Fob as an app: the manifest and the
 * page's head, as the real server jar serves them over HTTP, and every icon they name, each fetched and its PNG
 * header read. No browser: these are the files an installing browser fetches. The expected values are written here
 * by hand. That the start URL opens offline is OfflineAndUpdateTest#theManifestsStartUrlOpensWithTheServerStopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstallabilityTest {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final HttpClient http = HttpClient.newHttpClient();
    private FobServerProcess server;
    private URI page;

    @BeforeAll
    void startServer() throws Exception {
        server = FobServerProcess.start();
        page = URI.create(server.url());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Jetty writes "type;charset=x"; either spelling is the same type. */
    private static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    /** The page's head, as the server sends it. */
    private PageHead head() throws Exception {
        HttpResponse<byte[]> response = get(page);
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(response));
        return PageHead.of(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** Width and height from a PNG's IHDR, and whether it can hold transparency (an alpha channel or tRNS). */
    private record Png(int width, int height, boolean transparency) {
        String sizes() {
            return width + "x" + height;
        }
    }

    private static Png png(byte[] bytes, String what) {
        assertTrue(bytes.length > 33, what + " is long enough to be a PNG");
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            assertEquals(PNG_SIGNATURE[i], bytes[i], what + " has the PNG signature");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes);
        assertEquals(13, data.getInt(8), what + "'s IHDR length");
        assertEquals("IHDR", new String(bytes, 12, 4, StandardCharsets.US_ASCII), what + " begins with IHDR");
        int width = data.getInt(16);
        int height = data.getInt(20);
        int colourType = bytes[25];
        // Colour types 4 and 6 carry alpha; any type may carry a tRNS chunk before the image data.
        boolean transparency = colourType == 4 || colourType == 6;
        for (int at = 8; at + 8 <= bytes.length; ) {
            int length = data.getInt(at);
            String chunk = new String(bytes, at + 4, 4, StandardCharsets.US_ASCII);
            if (chunk.equals("tRNS")) {
                transparency = true;
            }
            if (chunk.equals("IDAT") || chunk.equals("IEND")) {
                break;
            }
            at += 12 + length;
        }
        return new Png(width, height, transparency);
    }

    /** Fetches a PNG the page or the manifest names, and checks how it is served. */
    private Png fetchPng(URI uri) throws Exception {
        HttpResponse<byte[]> response = get(uri);
        assertEquals(200, response.statusCode(), uri.toString());
        assertEquals("image/png", contentType(response), uri.toString());
        assertEquals(IMMUTABLE, response.headers().firstValue("Cache-Control").orElse(null), uri.toString());
        return png(response.body(), uri.toString());
    }

    private URI manifestUrl() throws Exception {
        String href = head().one("link", "rel", "manifest").get("href");
        assertTrue(href.matches("/v/[0-9a-f]{16}/manifest\\.webmanifest"), href);
        return page.resolve(href);
    }

    private JsonObject manifest(URI url) throws Exception {
        HttpResponse<byte[]> response = get(url);
        assertEquals(200, response.statusCode());
        assertEquals("application/manifest+json", contentType(response));
        assertEquals(IMMUTABLE, response.headers().firstValue("Cache-Control").orElse(null));
        return JsonParser.object().from(new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theManifestNamesAStandaloneAppWhoseStartUrlIsInItsScope() throws Exception {
        URI url = manifestUrl();
        JsonObject manifest = manifest(url);
        assertEquals("Fob", manifest.getString("name"));
        assertEquals("Fob", manifest.getString("short_name"));
        assertEquals("standalone", manifest.getString("display"));
        assertEquals("/", manifest.getString("id"));
        assertEquals("#ffffff", manifest.getString("theme_color"), "the light theme-color, the header's white");
        assertEquals("#f5f7fb", manifest.getString("background_color"), "app.css's light background");

        // URLs in the manifest are relative to the manifest's own (versioned) URL.
        URI startUrl = url.resolve(manifest.getString("start_url"));
        URI scope = url.resolve(manifest.getString("scope"));
        assertEquals(page, startUrl, "the app opens at the page itself");
        assertEquals(page, scope, "the whole origin is the app");
        assertTrue(startUrl.toString().startsWith(scope.toString()), startUrl + " within " + scope);
        HttpResponse<byte[]> start = get(startUrl);
        assertEquals(200, start.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(start));
    }

    @Test
    void everyManifestIconIsServedAtTheSizeItDeclares() throws Exception {
        URI url = manifestUrl();
        JsonArray icons = manifest(url).getArray("icons");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < icons.size(); i++) {
            JsonObject icon = icons.getObject(i);
            URI src = url.resolve(icon.getString("src"));
            String type = icon.getString("type");
            String sizes = icon.getString("sizes");
            String purpose = icon.getString("purpose", "any");
            found.add(sizes + " " + type + " " + purpose);
            if (type.equals("image/png")) {
                assertEquals(sizes, fetchPng(src).sizes(), src + " is as large as the manifest says");
            } else {
                assertEquals("image/svg+xml", type, src.toString());
                assertEquals("any", sizes, "a vector icon fits any size");
                HttpResponse<byte[]> svg = get(src);
                assertEquals(200, svg.statusCode(), src.toString());
                assertEquals("image/svg+xml", contentType(svg), src.toString());
                assertEquals(IMMUTABLE, svg.headers().firstValue("Cache-Control").orElse(null));
            }
        }
        // Chromium's install needs a 192 and a 512; Android and macOS mask the maskable one into their shape.
        assertEquals(List.of("192x192 image/png any", "512x512 image/png any", "512x512 image/png maskable",
                "any image/svg+xml any"), found);
    }

    @Test
    void theMaskableIconIsOpaqueSinceTheSystemCutsItsShape() throws Exception {
        URI url = manifestUrl();
        JsonArray icons = manifest(url).getArray("icons");
        for (int i = 0; i < icons.size(); i++) {
            JsonObject icon = icons.getObject(i);
            if ("maskable".equals(icon.getString("purpose"))) {
                assertFalse(fetchPng(url.resolve(icon.getString("src"))).transparency(), icon.toString());
            }
        }
    }

    @Test
    void theHeadGivesSafariItsAppleTouchIconAt180x180AndOpaque() throws Exception {
        PageHead.Tag icon = head().one("link", "rel", "apple-touch-icon");
        assertEquals("180x180", icon.get("sizes"));
        Png png = fetchPng(page.resolve(icon.get("href")));
        assertEquals("180x180", png.sizes(), "the PNG is as large as the link says");
        // iOS fills transparent pixels with black: the icon has no alpha channel and no transparent colour.
        assertFalse(png.transparency(), "the apple-touch-icon is opaque");
    }

    @Test
    void theHeadHoldsWhatSafariReadsToRunFobAsAnApp() throws Exception {
        PageHead head = head();
        assertEquals("yes", head.meta("apple-mobile-web-app-capable"));
        assertEquals("yes", head.meta("mobile-web-app-capable"));
        assertEquals("Fob", head.meta("apple-mobile-web-app-title"));
        // "default", not "black-translucent": the page would then run under the status bar, and it does not keep
        // its content clear of the safe-area insets (no viewport-fit=cover).
        assertEquals("default", head.meta("apple-mobile-web-app-status-bar-style"));
        assertEquals("width=device-width, initial-scale=1", head.meta("viewport"));
        assertEquals("telephone=no", head.meta("format-detection"));
        assertTrue(head.one("link", "rel", "manifest").get("href").matches("/v/[0-9a-f]{16}/manifest\\.webmanifest"));
    }

    @Test
    void theThemeColourFollowsTheColourSchemeAndTheManifestAgrees() throws Exception {
        PageHead head = head();
        List<PageHead.Tag> themes = head.all("meta", "name", "theme-color");
        Map<String, String> byMedia = new HashMap<>();
        for (PageHead.Tag theme : themes) {
            byMedia.put(theme.get("media"), theme.get("content"));
        }
        // The page's header (app.css --card) in each scheme, so that the bar above it continues it.
        assertEquals(Map.of("(prefers-color-scheme: light)", "#ffffff", "(prefers-color-scheme: dark)", "#1a2029"),
                byMedia);
        assertEquals(2, themes.size(), "no theme-color for every scheme besides these two: " + themes);
        assertEquals("light dark", head.meta("color-scheme"));
        assertEquals(byMedia.get("(prefers-color-scheme: light)"), manifest(manifestUrl()).getString("theme_color"),
                "the manifest's one theme colour is the light scheme's");
    }
}
