package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountdownTest {
    @Test
    void atThePeriodsStartTheWholePeriodIsLeft() {
        Countdown start = Countdown.at(60_000, 30);
        assertEquals(2, start.step);
        assertEquals("30 s", start.seconds);
        assertEquals("scaleX(1.000)", start.scale);
        assertFalse(start.expiring);
        assertFalse(start.nextDue);
    }

    @Test
    void secondsRoundUpAndTheBarShrinksInPerMille() {
        Countdown c = Countdown.at(60_000 + 17_640, 30);
        assertEquals("13 s", c.seconds, "12.36 s left");
        assertEquals("scaleX(0.412)", c.scale);
        assertEquals("scaleX(0.005)", Countdown.at(89_850, 30).scale, "150 ms left: padded to three digits");
        assertEquals("scaleX(0.050)", Countdown.at(88_500, 30).scale);
    }

    @Test
    void theNextCodeShowsInTheLastTenSecondsAndTheRowExpiresInTheLastFive() {
        assertFalse(Countdown.at(79_999, 30).nextDue, "10.001 s left");
        assertTrue(Countdown.at(80_000, 30).nextDue, "10 s left");
        assertFalse(Countdown.at(84_000, 30).expiring, "6 s left");
        assertTrue(Countdown.at(85_000, 30).expiring, "5 s left");
        assertEquals("1 s", Countdown.at(89_999, 30).seconds);
        assertEquals(2, Countdown.at(89_999, 30).step);
    }

    @Test
    void otherPeriodsCountTheirOwnSteps() {
        Countdown minute = Countdown.at(125_000, 60);
        assertEquals(2, minute.step);
        assertEquals("55 s", minute.seconds);
        assertEquals("scaleX(0.916)", minute.scale);
    }
}
