package fob.screen;

import fob.otp.OtpParameters;
import java.util.HashMap;
import java.util.Map;

/**
 * The countdowns of one refresh of the list: one {@link Countdown} per period, worked out once however many rows
 * share it (most do), and none for a counter-based code.
 */
public final class Countdowns {
    private final long now;
    private final Map<Integer, Countdown> byPeriod = new HashMap<>();
    private int lastPeriod;
    private Countdown last;

    public Countdowns(long now) {
        this.now = now;
    }

    /** The countdown of a code with these parameters at this refresh; null for a counter-based one. */
    public Countdown of(OtpParameters otp) {
        if (otp == null || !otp.type().isTimeBased()) {
            return null;
        }
        int period = otp.period();
        // Rows in a row mostly share a period: the map is asked only when it changes.
        if (period != lastPeriod) {
            lastPeriod = period;
            last = byPeriod.computeIfAbsent(period, p -> Countdown.at(now, p));
        }
        return last;
    }
}
