package fob.screen;

import fob.otp.OtpParameters;

/**
 * What one row shows of its code: the code of this moment, masked or not, and in its period's last seconds the next
 * one beside it, and whether it is expiring. Worked out at each refresh without the page, cheaply when nothing
 * changed; a {@link Frame} names only what changed since the last, so the page writes nothing else (a thousand rows
 * refresh every second).
 */
public final class RowCode {
    private static final long NONE = Long.MIN_VALUE;

    private final String accountId;
    /** Null for a placeholder, which has no code. */
    private final OtpParameters otp;
    private final CodeMask mask;
    private long step = NONE;
    private String current = "";
    /** The next code, once worked out for the current one. */
    private String next;
    private boolean shownMasked;
    private boolean shownNext;
    private boolean expiring;
    private boolean changed;

    public RowCode(String accountId, OtpParameters otp, CodeMask mask) {
        this.accountId = accountId;
        this.otp = otp;
        this.mask = mask;
    }

    /** What a refresh changes in the row; a null field stays as it is. */
    public static final class Frame {
        /** The code's text. */
        public final String code;
        /** The next code's text. */
        public final String nextCode;
        /** Whether the next code shows. */
        public final Boolean nextShown;
        /** Whether the row is marked as expiring. */
        public final Boolean expiring;
        /** The code button's accessible name, with {@link #code} ({@link CodeText#label}). */
        public final String label;

        Frame(String code, String label, String nextCode, Boolean nextShown, Boolean expiring) {
            this.code = code;
            this.label = label;
            this.nextCode = nextCode;
            this.nextShown = nextShown;
            this.expiring = expiring;
        }
    }

    /**
     * Works out the code of this moment ({@code countdown} is its period's, or null for HOTP, whose code is its
     * counter's). Answers whether it computed a new code.
     */
    public boolean compute(Countdown countdown) {
        if (otp == null) {
            return false;
        }
        boolean masked = masked();
        long now = countdown != null ? countdown.step : otp.counter();
        if (now == step) {
            changed |= masked != shownMasked;
            return false;
        }
        step = now;
        current = otp.codeAtStep(now);
        next = null;
        changed = true;
        return true;
    }

    /**
     * What to show after {@link #compute}: the code when it changed (or its mask did), and with the row on screen
     * whether it expires and, in the period's last seconds, the next code ({@code countdown} null: none of those).
     */
    public Frame frame(Countdown countdown, boolean onScreen) {
        boolean masked = masked();
        String code = null;
        String label = null;
        Boolean nextShown = null;
        if (changed) {
            changed = false;
            shownMasked = masked;
            code = CodeText.shown(current, masked);
            label = CodeText.label(code, masked, clickReveals());
            // The next code is written anew for this code (and its mask), when it is due.
            shownNext = false;
            nextShown = false;
        }
        if (countdown == null || !onScreen) {
            return new Frame(code, label, null, nextShown, null);
        }
        Boolean expiringNow = null;
        if (countdown.expiring != expiring) {
            expiring = countdown.expiring;
            expiringNow = expiring;
        }
        boolean wantNext = countdown.nextDue && step == countdown.step;
        String nextCode = null;
        if (wantNext && !shownNext) {
            if (next == null) {
                next = otp.codeAtStep(step + 1);
            }
            nextCode = CodeText.next(next, masked);
        }
        if (wantNext != shownNext) {
            shownNext = wantNext;
            nextShown = wantNext;
        }
        return new Frame(code, label, nextCode, nextShown, expiringNow);
    }

    /**
     * Off screen, the code is dropped, so that no stale code stays in the page (screen readers read it). Answers
     * whether there was one to clear from the page.
     */
    public boolean forget() {
        if (step == NONE) {
            return false;
        }
        step = NONE;
        shownNext = false;
        return true;
    }

    /** What a click on the code does: true, {@link #reveal} it ("Hide codes until clicked"); false, copy it. */
    public boolean clickReveals() {
        return mask.clickReveals(accountId, step);
    }

    /** Shows this code until it changes, also across renderings; the next {@link #frame} writes it. */
    public void reveal() {
        mask.reveal(accountId, step);
        changed = true;
    }

    private boolean masked() {
        return mask.masked(accountId, step);
    }
}
