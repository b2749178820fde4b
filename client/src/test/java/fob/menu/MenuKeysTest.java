package fob.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MenuKeysTest {
    private static final List<String> ITEMS = List.of("Edit", "Delete", "Move up", "Move down");

    private static String step(String key, int index) {
        MenuKeys.Step step = MenuKeys.inMenu(key, index, ITEMS);
        return step.effect + " " + step.index;
    }

    @Test
    void theButtonOpensOnTheFirstItemOrWithArrowUpOnTheLast() {
        assertEquals(0, MenuKeys.opening("Enter", 4));
        assertEquals(0, MenuKeys.opening(" ", 4));
        assertEquals(0, MenuKeys.opening("ArrowDown", 4));
        assertEquals(3, MenuKeys.opening("ArrowUp", 4));
        assertEquals(-1, MenuKeys.opening("a", 4));
        assertEquals(-1, MenuKeys.opening("Tab", 4));
    }

    @Test
    void arrowsWrapAroundAndHomeAndEndGoToTheEnds() {
        assertEquals("FOCUS 1", step("ArrowDown", 0));
        assertEquals("FOCUS 0", step("ArrowDown", 3));
        assertEquals("FOCUS 3", step("ArrowUp", 0));
        assertEquals("FOCUS 0", step("Home", 2));
        assertEquals("FOCUS 3", step("End", 1));
    }

    @Test
    void enterAndSpaceActEscapeClosesAndTabMovesOn() {
        assertEquals("ACTIVATE 2", step("Enter", 2));
        assertEquals("ACTIVATE 1", step(" ", 1));
        assertEquals("CLOSE 2", step("Escape", 2));
        assertEquals("CLOSE_AND_MOVE_ON 2", step("Tab", 2));
    }

    @Test
    void aLetterFocusesTheNextItemStartingWithIt() {
        assertEquals("FOCUS 2", step("m", 0));
        assertEquals("FOCUS 3", step("M", 2), "the next one after the focused");
        assertEquals("FOCUS 2", step("m", 3), "around the end");
        assertEquals("FOCUS 1", step("d", 1), "itself when it is the only one");
        assertEquals("NONE 1", step("x", 1));
        assertEquals("NONE 1", step("Shift", 1));
    }
}
