package fob.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service icons (simple-icons, CC0 1.0), as files the page fetches only when an account needs one: the icons in
 * {@value #SHARDS} shards ({@code icons/set/NN.json}, each {@code {slug: [title, hex colour, SVG path]}}), a shard
 * chosen by a hash of the slug (the client's {@code fob.icons.IconShard}), so that a request tells the server only
 * which 64th of the set holds an account's icon, and {@code icons/set/titles.json} ({@code [[slug, title], ...]})
 * for the person who picks an icon by name.
 */
final class IconSet {
    static final int SHARDS = 64;
    static final String PREFIX = "icons/set/";
    private static final String WEBJAR = "META-INF/resources/webjars/simple-icons/";
    private static final Pattern PATH = Pattern.compile("<path d=\"([^\"]+)\"");

    private IconSet() {
    }

    /** Every file of the set, by its path under the page's versioned URL. */
    static Map<String, byte[]> files() {
        String root = WEBJAR + version() + "/";
        JsonNode data = Json.MAPPER.readTree(read(root + "data/simple-icons.json"));
        ObjectNode[] shards = new ObjectNode[SHARDS];
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = Json.MAPPER.createObjectNode();
        }
        ArrayNode titles = Json.MAPPER.createArrayNode();
        for (JsonNode icon : data) {
            String slug = icon.get("slug").asString();
            String svg = new String(read(root + "icons/" + slug + ".svg"), StandardCharsets.UTF_8);
            Matcher path = PATH.matcher(svg);
            if (!path.find()) {
                throw new IllegalStateException("The icon " + slug + " has no path");
            }
            String title = icon.get("title").asString();
            ArrayNode entry = shards[shardOf(slug)].putArray(slug);
            entry.add(title).add(icon.get("hex").asString()).add(path.group(1));
            titles.addArray().add(slug).add(title);
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < SHARDS; i++) {
            files.put(PREFIX + String.format("%02d", i) + ".json", Json.MAPPER.writeValueAsBytes(shards[i]));
        }
        files.put(PREFIX + "titles.json", Json.MAPPER.writeValueAsBytes(titles));
        return files;
    }

    /** FNV-1a (32 bits) of the slug's UTF-8 bytes, modulo {@value #SHARDS}: as the client computes it. */
    static int shardOf(String slug) {
        int hash = 0x811c9dc5;
        for (byte b : slug.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash & (SHARDS - 1);
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = IconSet.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/simple-icons/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The icon set (simple-icons) is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = IconSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The icon set's file " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
