package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.vault.Vault;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GroupFiltersTest {
    private static String bar(Vault vault, String shown) {
        return GroupFilters.of(vault, shown).stream().map(f -> f.label + (f.pressed ? "*" : ""))
                .collect(Collectors.joining(", "));
    }

    @Test
    void allThenTheGroupsByNameTheOneShownPressed() throws Exception {
        Vault vault = Vault.EMPTY.addGroup("w", "work", 1).addGroup("h", "Home", 1);
        assertEquals("All*, Home, work", bar(vault, null));
        assertEquals("All, Home, work*", bar(vault, "w"));
        assertNull(GroupFilters.of(vault, null).get(0).groupId);
        assertEquals(List.of("h", "w"), GroupFilters.of(vault, null).stream().skip(1).map(f -> f.groupId)
                .collect(Collectors.toList()));
    }

    @Test
    void theBarShowsOnceThereIsAnAccountOrAGroup() throws Exception {
        assertFalse(GroupFilters.shown(Vault.EMPTY));
        assertTrue(GroupFilters.shown(Vault.EMPTY.addGroup("w", "Work", 1)));
        assertTrue(GroupFilters.shown(ScreenFixtures.oneAccount()));
    }

    @Test
    void renameAndDeleteActOnTheGroupShownWhileItIsThere() throws Exception {
        Vault vault = Vault.EMPTY.addGroup("w", "Work", 1);
        assertEquals("Work", GroupFilters.acted(vault, "w").name());
        assertNull(GroupFilters.acted(vault, null));
        assertNull(GroupFilters.acted(vault.deleteGroup("w", 2), "w"));
    }
}
