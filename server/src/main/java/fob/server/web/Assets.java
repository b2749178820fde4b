package fob.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.node.ArrayNode;

/**
 * The page's files, read once from the classpath ({@code web/}): static/ and the TeaVM output. They are served
 * under {@code /v/<version>/}, where the version is a hash of them all, so browsers may cache them forever and
 * a new deployment changes every URL. index.html and sw.js stay at fixed URLs and name the version.
 */
public final class Assets {
    static final String ROOT = "web";
    private static final String VERSION_TOKEN = "%FOB_VERSION%";
    private static final String ASSETS_TOKEN = "%FOB_ASSETS%";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "wasm", "application/wasm",
            "webmanifest", "application/manifest+json",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    private final String version;
    private final Map<String, Asset> versioned;
    private final Asset index;
    private final Asset serviceWorker;

    private Assets(String version, Map<String, Asset> versioned, Asset index, Asset serviceWorker) {
        this.version = version;
        this.versioned = versioned;
        this.index = index;
        this.serviceWorker = serviceWorker;
    }

    public static Assets load() {
        Map<String, byte[]> files = readAll();
        for (String required : new String[] {"index.html", "sw.js", "app.js", "start.js", "worker.wasm",
            "worker-runtime.js", "worker.js", "manifest.webmanifest"}) {
            if (!files.containsKey(required)) {
                throw new IllegalStateException("The page's file " + required + " is missing from the jar: build it"
                        + " with 'mvn package'");
            }
        }
        files.putAll(IconSet.files());
        String version = hash(files);
        Map<String, Asset> versioned = new HashMap<>();
        ArrayNode precache = Json.MAPPER.createArrayNode();
        precache.add("/");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (!path.equals("index.html") && !path.equals("sw.js")) {
                versioned.put(path, asset(path, file.getValue()));
                if (!path.startsWith(IconSet.PREFIX)) {
                    // Icons load on demand, never at install: the set is larger than the rest of the page.
                    precache.add("/v/" + version + "/" + path);
                }
            }
        }
        String indexHtml = new String(files.get("index.html"), StandardCharsets.UTF_8).replace(VERSION_TOKEN, version);
        String sw = new String(files.get("sw.js"), StandardCharsets.UTF_8)
                .replace(VERSION_TOKEN, version)
                .replace(ASSETS_TOKEN, Json.MAPPER.writeValueAsString(precache));
        return new Assets(version, Collections.unmodifiableMap(versioned),
                asset("index.html", indexHtml.getBytes(StandardCharsets.UTF_8)),
                asset("sw.js", sw.getBytes(StandardCharsets.UTF_8)));
    }

    public String version() {
        return version;
    }

    Asset index() {
        return index;
    }

    Asset serviceWorker() {
        return serviceWorker;
    }

    /** The asset at {@code path} under {@code /v/<version>/}, or null. */
    Asset versioned(String path) {
        return versioned.get(path);
    }

    private static Asset asset(String path, byte[] body) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        byte[] gzipped = null;
        if (!type.startsWith("image/png")) {
            byte[] compressed = gzip(body);
            if (compressed.length < body.length * 0.9) {
                gzipped = compressed;
            }
        }
        return new Asset(path, body, gzipped, type);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(9);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                sha256.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(file.getValue());
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under web/, by its path below web/, in a stable order. */
    private static Map<String, byte[]> readAll() {
        URL marker = Assets.class.getClassLoader().getResource(ROOT + "/index.html");
        if (marker == null) {
            throw new IllegalStateException("The page is missing from the classpath (web/index.html)");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (marker.getProtocol().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(marker.toURI(), Map.of())) {
                    collect(jar.getPath("/" + ROOT), files);
                } catch (java.nio.file.FileSystemAlreadyExistsException alreadyOpen) {
                    collect(FileSystems.getFileSystem(marker.toURI()).getPath("/" + ROOT), files);
                }
            } else {
                collect(Path.of(marker.toURI()).getParent(), files);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the page's files: " + e.getMessage(), e);
        }
        return files;
    }

    private static void collect(Path root, Map<String, byte[]> files) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(path)) {
                    files.put(relative, in.readAllBytes());
                }
            }
        }
    }
}
