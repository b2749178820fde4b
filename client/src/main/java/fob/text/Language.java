package fob.text;

import java.util.List;
import java.util.Locale;

/** The languages the page speaks. English is the catalogues' key language, so it needs no catalogue of its own. */
public enum Language {
    ENGLISH("en"),
    GERMAN("de"),
    FRENCH("fr"),
    SPANISH("es");

    /** The setting's value when the browser's languages decide. */
    public static final String AUTOMATIC = "";

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 primary language tag: for {@code <html lang>}, dates and the catalogue's file name. */
    public String tag() {
        return tag;
    }

    /** The language of this tag ("de", also "de-AT"), or null when the page does not speak it. */
    public static Language ofTag(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash >= 0) {
            primary = primary.substring(0, dash);
        }
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return language;
            }
        }
        return null;
    }

    /**
     * The page's language: the setting's when it names one, else the first of the browser's languages (in the
     * person's order of preference) that the page speaks, else English.
     */
    public static Language choose(String setting, List<String> browserLanguages) {
        Language chosen = ofTag(setting);
        if (chosen != null) {
            return chosen;
        }
        for (String each : browserLanguages) {
            Language language = ofTag(each);
            if (language != null) {
                return language;
            }
        }
        return ENGLISH;
    }
}
