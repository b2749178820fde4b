package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IconSearchTest {
    private static final List<IconSearch.Icon> SET = List.of(new IconSearch.Icon("github", "GitHub"),
            new IconSearch.Icon("gitlab", "GitLab"), new IconSearch.Icon("x", "X (formerly Twitter)"),
            new IconSearch.Icon("dotnet", ".NET"));

    private static String titles(IconSearch search) {
        return search.shown().stream().map(icon -> icon.title).collect(Collectors.joining(", "));
    }

    @Test
    void theNameOrTheSlugHoldsWhatWasTypedInAnyCase() {
        assertEquals("GitHub, GitLab", titles(IconSearch.of(SET, " GIT ")));
        assertEquals("X (formerly Twitter)", titles(IconSearch.of(SET, "twitter")));
        assertEquals(".NET", titles(IconSearch.of(SET, "dotnet")), "by its slug");
        assertEquals(4, IconSearch.of(SET, "").shown().size());
        assertEquals("2 icons match.", IconSearch.of(SET, "git").count());
        assertEquals("1 icon matches.", IconSearch.of(SET, "hub").count());
        assertEquals("No icon matches.", IconSearch.of(SET, "zzz").count());
    }

    @Test
    void theFirstFortyAreShown() {
        List<IconSearch.Icon> many = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(new IconSearch.Icon("icon" + i, "Icon " + i));
        }
        IconSearch search = IconSearch.of(many, "icon");
        assertEquals(40, search.shown().size());
        assertEquals("Icon 0", search.shown().get(0).title);
        assertEquals("45 icons match; the first 40 are shown.", search.count());
    }

    @Test
    void nothingIsSaidBeforeTheNamesHaveLoaded() {
        assertEquals("", IconSearch.of(List.of(), "git").count());
    }

    @Test
    void aButtonShowsTheFirstLetterOfTheName() {
        assertEquals("G", SET.get(0).letter());
        assertEquals(".", SET.get(3).letter());
        assertEquals("?", new IconSearch.Icon("none", "").letter());
    }
}
