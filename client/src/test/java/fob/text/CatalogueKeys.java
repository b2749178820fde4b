package fob.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Every key the page can ask a catalogue for: the string literals of {@code Text.t}, {@code Text.count} and
 * {@code Text.key} in the client's sources, and the text of index.html read by the rules of
 * {@code Languages.translatePage}. Also every call whose key is not a literal, which no test could check.
 */
final class CatalogueKeys {
    static final Path SOURCES = Path.of("src/main/java");
    static final Path INDEX = Path.of("../static/index.html");
    static final Path CATALOGUES = Path.of("../static/i18n");

    private static final Pattern CALL = Pattern.compile("\\bText\\.(t|count|key)\\(");
    /** JavaScript's \s, which the page's markup translation collapses. */
    private static final Pattern JS_SPACE = Pattern.compile(
            "[\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+");
    private static final List<String> ATTRIBUTES = List.of("aria-label", "placeholder", "title", "alt");

    final Set<String> keys = new TreeSet<>();
    final List<String> notLiteral = new ArrayList<>();

    static CatalogueKeys collect() {
        CatalogueKeys found = new CatalogueKeys();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (!file.endsWith(Path.of("fob/text/Text.java"))) {
                    found.readJava(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            found.readHtml(Files.readString(INDEX, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    void readJava(String name, String source) {
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            int at = call.end();
            int literals = call.group(1).equals("count") ? 2 : 1;
            for (int i = 0; i < literals; i++) {
                StringBuilder key = new StringBuilder();
                at = readLiteralChain(source, at, key);
                if (at < 0) {
                    notLiteral.add(name + ":" + lineOf(source, call.start()));
                    break;
                }
                keys.add(key.toString());
                at = skipSpace(source, at);
                if (i + 1 < literals) {
                    if (source.charAt(at) != ',') {
                        notLiteral.add(name + ":" + lineOf(source, call.start()));
                        break;
                    }
                    at++;
                }
            }
        }
    }

    /** Reads "a" + "b" + ... into {@code into}; the index after it, or -1 when no literal starts at {@code at}. */
    private static int readLiteralChain(String source, int at, StringBuilder into) {
        at = skipSpace(source, at);
        if (source.charAt(at) != '"') {
            return -1;
        }
        while (true) {
            at = readLiteral(source, at, into);
            int next = skipSpace(source, at);
            if (source.charAt(next) != '+') {
                return at;
            }
            int after = skipSpace(source, next + 1);
            if (source.charAt(after) != '"') {
                return -1;
            }
            at = after;
        }
    }

    private static int readLiteral(String source, int at, StringBuilder into) {
        int i = at + 1;
        while (source.charAt(i) != '"') {
            char c = source.charAt(i);
            if (c == '\\') {
                char escaped = source.charAt(i + 1);
                switch (escaped) {
                    case 'n':
                        into.append('\n');
                        break;
                    case 't':
                        into.append('\t');
                        break;
                    case 'u':
                        into.append((char) Integer.parseInt(source.substring(i + 2, i + 6), 16));
                        i += 4;
                        break;
                    default:
                        into.append(escaped);
                }
                i += 2;
            } else {
                into.append(c);
                i++;
            }
        }
        return i + 1;
    }

    private static int skipSpace(String source, int at) {
        while (at < source.length()) {
            if (Character.isWhitespace(source.charAt(at))) {
                at++;
            } else if (source.startsWith("//", at)) {
                at = source.indexOf('\n', at);
            } else {
                break;
            }
        }
        return at;
    }

    private static int lineOf(String source, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    void readHtml(String html) {
        visit(Jsoup.parse(html).body());
    }

    private void visit(Element element) {
        if ("no".equals(element.attr("translate")) || element.nameIs("script") || element.nameIs("style")) {
            return;
        }
        for (String attribute : ATTRIBUTES) {
            String value = collapse(element.attr(attribute));
            if (!value.isEmpty()) {
                keys.add(value);
            }
        }
        for (Node child : element.childNodes()) {
            if (child instanceof Element) {
                visit((Element) child);
            } else if (child instanceof TextNode) {
                String text = collapse(((TextNode) child).getWholeText());
                if (!text.isEmpty()) {
                    keys.add(text);
                }
            }
        }
    }

    static String collapse(String text) {
        return JS_SPACE.matcher(text).replaceAll(" ").trim();
    }
}
