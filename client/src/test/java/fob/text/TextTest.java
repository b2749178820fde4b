package fob.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextTest {
    @AfterEach
    void backToEnglish() {
        Text.use(Language.ENGLISH, Map.of());
    }

    @Test
    void englishIsTheKeyWithItsPlaceholdersFilled() {
        assertEquals("Copy code", Text.t("Copy code"));
        assertEquals("Version 3 restored.", Text.t("Version {0} restored.", 3));
        assertEquals("Bob, deleted today", Text.t("{0}, deleted {1}", "Bob", "today"));
    }

    @Test
    void aCatalogueGivesTheTranslationAndTheArgumentsKeepTheirPlaces() {
        Text.use(Language.GERMAN, Map.of("{1}: {0} accounts read in {2} ms.", "{1}: {0} Konten in {2} ms gelesen."));
        assertEquals("Aegis: 12 Konten in 40 ms gelesen.", Text.count("{1}: {0} account read in {2} ms.",
                "{1}: {0} accounts read in {2} ms.", 12, "Aegis", 40));
    }

    @Test
    void aKeyTheCatalogueLacksShowsInEnglish() {
        Text.use(Language.GERMAN, Map.of("Copy code", "Code kopieren"));
        assertEquals("Move up", Text.t("Move up"));
        assertEquals("Code kopieren", Text.t("Copy code"));
    }

    @Test
    void pluralsFollowEachLanguagesRule() {
        for (Language language : new Language[] {Language.ENGLISH, Language.GERMAN, Language.SPANISH}) {
            Text.use(language, Map.of());
            assertEquals("one 1", Text.count("one {0}", "other {0}", 1), language.tag());
            assertEquals("other 0", Text.count("one {0}", "other {0}", 0), language.tag());
            assertEquals("other 2", Text.count("one {0}", "other {0}", 2), language.tag());
        }
        Text.use(Language.FRENCH, Map.of());
        assertEquals("one 0", Text.count("one {0}", "other {0}", 0), "French counts 0 as one");
        assertEquals("one 1", Text.count("one {0}", "other {0}", 1));
        assertEquals("other 2", Text.count("one {0}", "other {0}", 2));
    }

    @Test
    void placeholdersBeyondTheArgumentsAndBracesThatAreNotPlaceholdersStay() {
        assertEquals("{a} 1 {1} {}", Text.t("{a} {0} {1} {}", 1));
    }

    @Test
    void numbersAndTenthsAreWrittenTheLanguagesWay() {
        assertEquals("10,000", Text.number(10_000));
        assertEquals("1.2", Text.tenths(1_234));
        Text.use(Language.GERMAN, Map.of());
        assertEquals("10.000", Text.number(10_000));
        assertEquals("1,2", Text.tenths(1_234));
        Text.use(Language.FRENCH, Map.of());
        assertEquals("1\u202f048\u202f576", Text.number(1_048_576));
        assertEquals("-999", Text.number(-999));
    }
}
