package fob.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void theBrowsersFirstLanguageThatFobSpeaksWins() {
        assertEquals(Language.GERMAN, Language.choose(Language.AUTOMATIC, List.of("de-AT", "en-US")));
        assertEquals(Language.SPANISH, Language.choose(Language.AUTOMATIC, List.of("it", "pt-BR", "es-419", "fr")));
        assertEquals(Language.FRENCH, Language.choose(Language.AUTOMATIC, List.of("FR-ca")));
    }

    @Test
    void withNoLanguageFobSpeaksItIsEnglish() {
        assertEquals(Language.ENGLISH, Language.choose(Language.AUTOMATIC, List.of("it", "ja")));
        assertEquals(Language.ENGLISH, Language.choose(Language.AUTOMATIC, List.of()));
    }

    @Test
    void theSettingOverridesTheBrowser() {
        assertEquals(Language.FRENCH, Language.choose("fr", List.of("de", "en")));
        assertEquals(Language.ENGLISH, Language.choose("en", List.of("de")));
        assertEquals(Language.GERMAN, Language.choose("xx", List.of("de")), "an unknown setting is the browser's");
    }

    @Test
    void tagsAreReadByTheirPrimarySubtag() {
        assertEquals(Language.GERMAN, Language.ofTag("de"));
        assertEquals(Language.GERMAN, Language.ofTag(" de-CH "));
        assertNull(Language.ofTag("deu"));
        assertNull(Language.ofTag(null));
        assertNull(Language.ofTag(""));
    }
}
