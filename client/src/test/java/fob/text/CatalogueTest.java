package fob.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each catalogue has every key the page can show, no key it cannot, and the same placeholders as the key. */
class CatalogueTest {
    private static final List<Language> TRANSLATED = List.of(Language.GERMAN, Language.FRENCH, Language.SPANISH);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyKeyIsALiteralThatCanBeFound() {
        CatalogueKeys found = CatalogueKeys.collect();
        assertEquals(List.of(), found.notLiteral, "Text.t, Text.count and Text.key take string literals, so that this"
                + " test can check the catalogues; a key chosen at run time goes through Text.key and Text.translate");
        assertTrue(found.keys.contains("Copy code"), "from the Java sources");
        assertTrue(found.keys.contains("Unlock to see your codes."), "from index.html");
        assertTrue(found.keys.contains("Recently used"), "from Text.key");
    }

    @Test
    void everyCatalogueHasEveryKeyAndNoOther() throws IOException, JsonParserException {
        Set<String> keys = CatalogueKeys.collect().keys;
        List<String> problems = new ArrayList<>();
        for (Language language : TRANSLATED) {
            Map<String, String> catalogue = read(language);
            for (String key : keys) {
                if (!catalogue.containsKey(key)) {
                    problems.add(language.tag() + " misses " + quoted(key));
                }
            }
            for (String key : new TreeSet<>(catalogue.keySet())) {
                if (!keys.contains(key)) {
                    problems.add(language.tag() + " has " + quoted(key) + ", which the page never shows");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void translationsKeepTheirPlaceholdersAndSaySomething() throws IOException, JsonParserException {
        List<String> problems = new ArrayList<>();
        for (Language language : TRANSLATED) {
            for (Map.Entry<String, String> entry : read(language).entrySet()) {
                if (entry.getValue().trim().isEmpty()) {
                    problems.add(language.tag() + ": " + quoted(entry.getKey()) + " is translated as nothing");
                } else if (!placeholders(entry.getKey()).equals(placeholders(entry.getValue()))) {
                    problems.add(language.tag() + ": " + quoted(entry.getValue()) + " has other placeholders than "
                            + quoted(entry.getKey()));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Map<String, String> read(Language language) throws IOException, JsonParserException {
        return Catalogue.read(JsonParser.object().from(Files.readString(
                CatalogueKeys.CATALOGUES.resolve(language.tag() + ".json"), StandardCharsets.UTF_8)));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String quoted(String text) {
        return "\u201c" + text + "\u201d";
    }
}
