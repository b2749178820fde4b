package fob.web.ui;

import fob.otp.Totp;

/**
 * What every time-based account of one period shows at one moment: worked out once per refresh and period,
 * not once per account, since each long operation is a BigInt in TeaVM's JavaScript.
 */
final class Countdown {
    final long step;
    final String seconds;
    /** The bar's remaining fraction as CSS, "scaleX(0.412)". */
    final String scale;
    final boolean expiring;
    /** In the period's last 10 seconds the next code shows beside the current one. */
    final boolean nextDue;

    private Countdown(long step, String seconds, String scale, boolean expiring, boolean nextDue) {
        this.step = step;
        this.seconds = seconds;
        this.scale = scale;
        this.expiring = expiring;
        this.nextDue = nextDue;
    }

    static Countdown at(long now, int period) {
        int remaining = (int) Totp.millisRemaining(now, period);
        int wholeSeconds = (remaining + 999) / 1000;
        // In per-mille and as an integer: formatting a double would pull in TeaVM's float printer.
        int perMille = (int) (remaining * 1000L / (period * 1000L));
        return new Countdown(Totp.counterAt(now, period), wholeSeconds + " s",
                "scaleX(" + (perMille / 1000) + "." + pad3(perMille % 1000) + ")", wholeSeconds <= 5,
                remaining <= 10_000);
    }

    private static String pad3(int value) {
        return value < 10 ? "00" + value : value < 100 ? "0" + value : Integer.toString(value);
    }
}
