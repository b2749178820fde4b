package fob.screen;

import fob.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** "Choose icon": the set's icons whose name (or slug) holds what was typed, the first {@value #SHOWN} shown. */
public final class IconSearch {
    /** More than a dialog shows usefully: typing more narrows the list. */
    public static final int SHOWN = 40;

    /** An icon of the set, by its slug ("github") and its name ("GitHub"). */
    public static final class Icon {
        public final String slug;
        public final String title;

        public Icon(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        /** The letter its button shows until the icon is drawn. */
        public String letter() {
            return title.isEmpty() ? "?" : title.substring(0, 1).toUpperCase(Locale.ROOT);
        }
    }

    private final List<Icon> shown;
    private final int found;
    private final boolean loaded;

    private IconSearch(List<Icon> shown, int found, boolean loaded) {
        this.shown = Collections.unmodifiableList(shown);
        this.found = found;
        this.loaded = loaded;
    }

    /** The icons matching {@code query} (any case; blank matches all) among {@code icons}, none while not loaded. */
    public static IconSearch of(List<Icon> icons, String query) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        List<Icon> shown = new ArrayList<>();
        int found = 0;
        for (Icon icon : icons) {
            if (q.isEmpty() || icon.title.toLowerCase(Locale.ROOT).contains(q) || icon.slug.contains(q)) {
                found++;
                if (shown.size() < SHOWN) {
                    shown.add(icon);
                }
            }
        }
        return new IconSearch(shown, found, !icons.isEmpty());
    }

    public List<Icon> shown() {
        return shown;
    }

    /** What the dialog says of the matches; nothing until the names have loaded. */
    public String count() {
        if (!loaded) {
            return "";
        }
        if (found == 0) {
            return Text.t("No icon matches.");
        }
        return found > SHOWN ? Text.t("{0} icons match; the first {1} are shown.", found, SHOWN)
                : Text.count("{0} icon matches.", "{0} icons match.", found);
    }
}
