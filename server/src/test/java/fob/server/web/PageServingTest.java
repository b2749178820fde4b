package fob.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.Config;
import fob.server.FobServer;
import fob.server.store.jdbc.Stores;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server on a random port, serving the real page files, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageServingTest {
    private FobServer server;
    private Path dataDir;
    private String version;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("fob-test");
        Config config = Config.parse(new String[] {"--port=0", "--data-dir=" + dataDir}, Map.of());
        Assets assets = Assets.load();
        version = assets.version();
        server = new FobServer(config, Stores.open(config.dbUrl, config.dbUser, config.dbPassword), assets)
                .start();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Jetty writes "type;charset=x"; either spelling is the same type. */
    private static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theIndexNamesThisVersionsFiles() throws Exception {
        HttpResponse<byte[]> index = get("/");
        assertEquals(200, index.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(index));
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(null));
        String html = text(index);
        assertTrue(html.contains("/v/" + version + "/app.js"), html);
        assertFalse(html.contains("%FOB_VERSION%"));
        assertTrue(version.matches("[0-9a-f]{16}"), version);
    }

    @Test
    void versionedFilesAreImmutableWithTheirTypes() throws Exception {
        Map<String, String> types = Map.of("app.js", "text/javascript; charset=utf-8",
                "worker.wasm", "application/wasm", "app.css", "text/css; charset=utf-8",
                "manifest.webmanifest", "application/manifest+json", "icons/icon-192.png", "image/png",
                "icons/icon.svg", "image/svg+xml", "worker-runtime.js", "text/javascript; charset=utf-8");
        for (Map.Entry<String, String> entry : types.entrySet()) {
            HttpResponse<byte[]> response = get("/v/" + version + "/" + entry.getKey());
            assertEquals(200, response.statusCode(), entry.getKey());
            assertEquals(entry.getValue().replace(" ", ""), contentType(response), entry.getKey());
            assertEquals("public, max-age=31536000, immutable",
                    response.headers().firstValue("Cache-Control").orElse(null));
        }
        assertEquals(404, get("/v/" + version + "/../pom.xml").statusCode());
        assertEquals(404, get("/v/" + version + "/missing.js").statusCode());
        assertEquals(404, get("/v/0123456789abcdef/app.js").statusCode());
    }

    @Test
    void gzipIsServedToClientsThatAskAndDecodesToTheSameBytes() throws Exception {
        HttpResponse<byte[]> plain = get("/v/" + version + "/app.js");
        HttpResponse<byte[]> gzipped = get("/v/" + version + "/app.js", "Accept-Encoding", "gzip");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(gzipped.body().length < plain.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertTrue(java.util.Arrays.equals(plain.body(), in.readAllBytes()));
        }
        assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElse(null));
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/v/" + version + "/worker.wasm")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals("application/wasm", contentType(head));
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(get("/v/" + version + "/worker.wasm").body().length),
                head.headers().firstValue("Content-Length").orElse(null));
    }

    @Test
    void aRevalidationWithTheCurrentEtagGets304() throws Exception {
        String etag = get("/").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/", "If-None-Match", etag).statusCode());
        assertEquals(200, get("/", "If-None-Match", "\"old\"").statusCode());
    }

    @Test
    void theServiceWorkerListsEveryVersionedFile() throws Exception {
        String sw = text(get("/sw.js"));
        assertTrue(sw.contains("const VERSION = \"" + version + "\""), sw);
        assertTrue(sw.contains("\"/v/" + version + "/worker.wasm\""), sw);
        assertTrue(sw.contains("\"/\""), sw);
        assertFalse(sw.contains("%FOB_"), sw);
    }

    /** Issue 15: the service icons, served in shards only when asked for, never precached at install. */
    @Test
    void theIconSetIsServedInShardsOnDemand() throws Exception {
        // FNV-1a of "github" is 584874290 (computed apart from Fob), 50 modulo 64.
        assertEquals(50, IconSet.shardOf("github"));
        assertEquals(6, IconSet.shardOf("google"));
        HttpResponse<byte[]> shard = get("/v/" + version + "/icons/set/50.json", "Accept-Encoding", "gzip");
        assertEquals(200, shard.statusCode());
        assertEquals("application/json", contentType(shard));
        assertEquals("public, max-age=31536000, immutable", shard.headers().firstValue("Cache-Control").orElse(""));
        String github = text(get("/v/" + version + "/icons/set/50.json"));
        assertTrue(github.contains("\"github\":[\"GitHub\",\"181717\",\"M12 .297c-6.63"), github.substring(0, 200));
        String titles = text(get("/v/" + version + "/icons/set/titles.json"));
        assertTrue(titles.contains("[\"github\",\"GitHub\"]"));
        assertEquals(404, get("/v/" + version + "/icons/set/64.json").statusCode());
        String sw = text(get("/sw.js"));
        assertFalse(sw.contains("\"/v/" + version + "/icons/set/"), "the worker does not fetch the set at install");
        assertTrue(sw.contains("\"/v/" + version + "/app.js\""), "while it does fetch the page's files");
        long total = 0;
        long gzipped = 0;
        for (int i = 0; i < IconSet.SHARDS; i++) {
            String path = "/v/" + version + "/icons/set/" + String.format("%02d", i) + ".json";
            total += get(path).body().length;
            gzipped += get(path, "Accept-Encoding", "gzip").body().length;
        }
        System.out.println("Icon set: " + IconSet.SHARDS + " shards, " + total + " bytes, " + gzipped + " gzipped; titles "
                + titles.length() + " bytes");
    }

    @Test
    void headersAndPoliciesOnEveryResponse() throws Exception {
        for (String path : new String[] {"/", "/healthz", "/nothing", "/api/x", "/v/" + version + "/app.js"}) {
            HttpResponse<byte[]> response = get(path);
            assertEquals(SecurityHeaders.PAGE_POLICY,
                    response.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Opener-Policy").orElse(null));
            assertFalse(response.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS on http");
        }
        assertEquals(SecurityHeaders.WORKER_POLICY, get("/v/" + version + "/worker.js").headers()
                .firstValue("Content-Security-Policy").orElse(null));
    }

    @Test
    void healthReportsTheDatabaseAndVersion() throws Exception {
        HttpResponse<byte[]> health = get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\",\"database\":\"ok\",\"version\":\"" + version + "\"}", text(health));
        assertTrue(Files.exists(dataDir.resolve("fob.db")), "the SQLite file was created");
    }

    @Test
    void unknownApiPathsGetJsonErrors() throws Exception {
        HttpResponse<byte[]> response = get("/api/nope");
        assertEquals(404, response.statusCode());
        assertEquals("application/json", contentType(response));
        assertEquals("{\"error\":\"not_found\",\"message\":\"There is nothing at /api/nope\"}", text(response));
    }
}
