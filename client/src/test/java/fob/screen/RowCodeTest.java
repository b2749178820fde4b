package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.otp.HashAlgorithm;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With RFC 4226's secret, whose codes for counters 0 to 5 are 755224, 287082, 359152, 969429, 338314, 254676. */
class RowCodeTest {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static RowCode totp(CodeMask mask) throws Exception {
        return new RowCode("a", OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 30, 0, SECRET), mask);
    }

    private static String frame(RowCode code, Countdown countdown) {
        RowCode.Frame f = code.frame(countdown, true);
        return f.code + " | " + f.nextCode + " | " + f.nextShown + " | " + f.expiring;
    }

    @Test
    void theCodeShowsOnceThenOnlyWhatChanges() throws Exception {
        RowCode code = totp(new CodeMask());
        Countdown at45 = Countdown.at(45_000, 30);
        assertTrue(code.compute(at45));
        assertEquals("287 082 | null | false | null", frame(code, at45));
        assertFalse(code.compute(Countdown.at(46_000, 30)), "the same step: nothing to compute");
        assertEquals("null | null | null | null", frame(code, Countdown.at(46_000, 30)));
    }

    @Test
    void inThePeriodsLastSecondsTheNextCodeShowsAndTheRowExpires() throws Exception {
        RowCode code = totp(new CodeMask());
        code.compute(Countdown.at(45_000, 30));
        code.frame(Countdown.at(45_000, 30), true);
        Countdown at52 = Countdown.at(52_000, 30);
        code.compute(at52);
        assertEquals("null | next 359 152 | true | null", frame(code, at52));
        Countdown at56 = Countdown.at(56_000, 30);
        code.compute(at56);
        assertEquals("null | null | null | true", frame(code, at56));
        Countdown at60 = Countdown.at(60_000, 30);
        assertTrue(code.compute(at60));
        assertEquals("359 152 | null | false | false", frame(code, at60));
    }

    @Test
    void offScreenOnlyTheCodeIsWritten() throws Exception {
        RowCode code = totp(new CodeMask());
        Countdown at58 = Countdown.at(58_000, 30);
        code.compute(at58);
        RowCode.Frame off = code.frame(at58, false);
        assertEquals("287 082", off.code);
        assertNull(off.nextCode);
        assertNull(off.expiring);
    }

    @Test
    void aMaskedCodeShowsDotsUntilClickedAndAgainWhenItChanges() throws Exception {
        CodeMask mask = new CodeMask();
        RowCode code = totp(mask);
        Countdown at45 = Countdown.at(45_000, 30);
        code.compute(at45);
        code.frame(at45, true);
        mask.maskUntilClicked(true);
        code.compute(at45);
        assertEquals("••• ••• | null | false | null", frame(code, at45), "the mask changed: the code is written");
        assertTrue(code.clickReveals());
        code.reveal();
        assertEquals("287 082 | null | false | null", frame(code, at45));
        assertFalse(code.clickReveals(), "the next click copies");
        Countdown at60 = Countdown.at(60_000, 30);
        code.compute(at60);
        assertEquals("••• ••• | null | false | null", frame(code, at60));
    }

    @Test
    void theButtonsNameHoldsWhatItShows() throws Exception {
        CodeMask mask = new CodeMask();
        RowCode code = totp(mask);
        Countdown at45 = Countdown.at(45_000, 30);
        code.compute(at45);
        assertEquals("Copy code 287 082", code.frame(at45, true).label);

        mask.maskUntilClicked(true);
        code.compute(at45);
        assertEquals("Show code", code.frame(at45, true).label, "a click shows it first");
        code.reveal();
        assertEquals("Copy code 287 082", code.frame(at45, true).label);

        mask.maskAll(true);
        code.compute(at45);
        assertEquals("Copy code", code.frame(at45, true).label, "in the background every code is masked");
    }

    @Test
    void anHotpCodeIsItsCountersAndHasNoCountdown() throws Exception {
        RowCode code = new RowCode("h", OtpParameters.of(OtpType.HOTP, HashAlgorithm.SHA1, 6, 30, 4, SECRET),
                new CodeMask());
        assertTrue(code.compute(null));
        assertEquals("338 314 | null | false | null", frame(code, null));
        assertFalse(code.compute(null));
    }

    @Test
    void aForgottenCodeIsWorkedOutAgain() throws Exception {
        RowCode code = totp(new CodeMask());
        assertFalse(code.forget(), "nothing shown yet");
        Countdown at45 = Countdown.at(45_000, 30);
        code.compute(at45);
        code.frame(at45, true);
        assertTrue(code.forget());
        assertFalse(code.forget());
        assertTrue(code.compute(at45));
        assertEquals("287 082", code.frame(at45, true).code);
    }

    @Test
    void aPlaceholderHasNoCode() {
        RowCode none = new RowCode("p", null, new CodeMask());
        assertFalse(none.compute(Countdown.at(45_000, 30)));
        assertFalse(none.compute(null));
    }
}
