package fob.screen;

import fob.otp.Totp;

/**
 * What every time-based account of one period shows at one moment: worked out once per refresh and period,
 * not once per account, since each long operation is a BigInt in TeaVM's JavaScript.
 */
public final class Countdown {
    /** Seconds left at which the row is marked as expiring. */
    static final int EXPIRING_SECONDS = 5;
    /** In the period's last this many milliseconds the next code shows beside the current one. */
    static final int NEXT_DUE_MILLIS = 10_000;

    /** The step of the code shown now (see {@link fob.otp.OtpParameters#stepAt}). */
    public final long step;
    /** The whole seconds left, rounded up, as shown: "7 s". */
    public final String seconds;
    /** The bar's remaining fraction as CSS, "scaleX(0.412)". */
    public final String scale;
    public final boolean expiring;
    /** Whether the next code shows beside the current one. */
    public final boolean nextDue;

    private Countdown(long step, String seconds, String scale, boolean expiring, boolean nextDue) {
        this.step = step;
        this.seconds = seconds;
        this.scale = scale;
        this.expiring = expiring;
        this.nextDue = nextDue;
    }

    public static Countdown at(long now, int period) {
        int remaining = (int) Totp.millisRemaining(now, period);
        int wholeSeconds = (remaining + 999) / 1000;
        // In per-mille and as an integer: formatting a double would pull in TeaVM's float printer.
        int perMille = (int) (remaining * 1000L / (period * 1000L));
        return new Countdown(Totp.counterAt(now, period), wholeSeconds + " s",
                "scaleX(" + (perMille / 1000) + "." + pad3(perMille % 1000) + ")", wholeSeconds <= EXPIRING_SECONDS,
                remaining <= NEXT_DUE_MILLIS);
    }

    private static String pad3(int value) {
        return value < 10 ? "00" + value : value < 100 ? "0" + value : Integer.toString(value);
    }
}
