package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import fob.link.OtpAuthLink;
import fob.otp.OtpParameters;
import org.junit.jupiter.api.Test;

class CountdownsTest {
    private static OtpParameters parameters(String link) throws Exception {
        return OtpAuthLink.parse(link).parameters();
    }

    @Test
    void rowsOfOnePeriodShareOneCountdownAndACounterBasedCodeHasNone() throws Exception {
        OtpParameters thirty = parameters("otpauth://totp/A:x?secret=JBSWY3DPEHPK3PXP");
        OtpParameters sixty = parameters("otpauth://totp/B:x?secret=JBSWY3DPEHPK3PXP&period=60");
        OtpParameters counter = parameters("otpauth://hotp/C:x?secret=JBSWY3DPEHPK3PXP&counter=3");
        // 1,000 s: step 33 of 30 s with 20 s left, and step 16 of 60 s with 20 s left.
        Countdowns countdowns = new Countdowns(1_000_000L);

        Countdown first = countdowns.of(thirty);
        Countdown other = countdowns.of(sixty);
        Countdown again = countdowns.of(thirty);

        assertSame(first, again);
        assertEquals(33L, first.step);
        assertEquals("20 s", first.seconds);
        assertEquals(16L, other.step);
        assertEquals("20 s", other.seconds);
        assertNull(countdowns.of(counter));
        assertNull(countdowns.of(null));
    }
}
