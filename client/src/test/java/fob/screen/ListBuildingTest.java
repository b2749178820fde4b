package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListBuildingTest {
    @Test
    void tenThousandRowsAreBuiltFortyFirstThenFourHundredAtATime() {
        int total = 10_000;
        int built = ListBuilding.firstEnd(total);
        assertEquals(40, built);
        int chunks = 0;
        while (built < total) {
            built = ListBuilding.nextEnd(built, total);
            chunks++;
        }
        assertEquals(total, built);
        assertEquals(25, chunks, "9,960 rows in chunks of 400");
        assertEquals(7, ListBuilding.firstEnd(7), "a small vault is built whole at once");
    }

    @Test
    void onlyTheFirstScreenfulOfShownRowsCountsAsOnScreenBeforeTheObserverSays() {
        assertTrue(ListBuilding.assumedOnScreen(0, true, true));
        assertTrue(ListBuilding.assumedOnScreen(11, true, true));
        assertFalse(ListBuilding.assumedOnScreen(12, true, true));
        assertFalse(ListBuilding.assumedOnScreen(0, true, false), "a row a search hides");
        assertFalse(ListBuilding.assumedOnScreen(0, false, true), "a later chunk waits for the observer");
    }
}
