package fob.lock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleLockTest {
    @Test
    void locksAfterTheIdleTimeSinceTheLastInput() {
        IdleLock idle = new IdleLock(1_000, 60_000, false);
        assertFalse(idle.due(60_999, false));
        idle.activity(30_000);
        assertFalse(idle.due(89_999, false));
        assertTrue(idle.due(90_000, false));
    }

    @Test
    void neverMeansNeverAndHiddenLocksOnlyWhenChosen() {
        IdleLock idle = new IdleLock(0, 0, false);
        assertFalse(idle.due(Long.MAX_VALUE / 2, true));
        idle.configure(0, true);
        assertTrue(idle.due(1, true));
        assertFalse(idle.due(1, false));
    }

    @Test
    void aClockThatJumpsBackStartsTheIdleTimeAgain() {
        IdleLock idle = new IdleLock(100_000, 60_000, false);
        assertFalse(idle.due(50_000, false));
        assertFalse(idle.due(109_999, false));
        assertTrue(idle.due(110_000, false));
    }

    @Test
    void onlyTheOfferedChoicesAreKept() {
        assertTrue(IdleLock.isChoice(0) && IdleLock.isChoice(1) && IdleLock.isChoice(60));
        assertFalse(IdleLock.isChoice(2) || IdleLock.isChoice(-1));
    }
}
