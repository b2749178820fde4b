package fob.otp;

import fob.text.Text;
import java.util.Arrays;

/** Everything needed to compute an account's codes. Immutable; always valid once made. */
public final class OtpParameters {
    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 8;
    public static final int DEFAULT_PERIOD = 30;
    public static final int MAX_PERIOD = 86_400;
    /** The largest counter a JSON number (an IEEE double) holds exactly, so exports never round it. */
    public static final long MAX_COUNTER = 9_007_199_254_740_991L;
    /** Generous: real secrets are 10 to 64 bytes; this keeps a pasted novel out of the vault. */
    public static final int MAX_SECRET_BYTES = 256;

    private final OtpType type;
    private final HashAlgorithm algorithm;
    private final int digits;
    private final int period;
    private final long counter;
    private final byte[] secret;
    /** Made on the first code: most parameters (imports, edits, previews) never show one. */
    private OtpKey key;

    private OtpParameters(OtpType type, HashAlgorithm algorithm, int digits, int period, long counter, byte[] secret) {
        this.type = type;
        this.algorithm = algorithm;
        this.digits = digits;
        this.period = period;
        this.counter = counter;
        this.secret = secret.clone();
    }

    /**
     * Checks and builds parameters. Steam codes always have {@link Steam#DIGITS} characters, so {@code digits}
     * is ignored for Steam; {@code period} matters only for time-based types and {@code counter} only for HOTP.
     */
    public static OtpParameters of(OtpType type, HashAlgorithm algorithm, int digits, int period, long counter,
            byte[] secret) throws InvalidOtpException {
        if (type == null) {
            throw new InvalidOtpException(InvalidOtpException.Field.TYPE, Text.t("Choose TOTP, HOTP or Steam"));
        }
        if (algorithm == null) {
            throw new InvalidOtpException(InvalidOtpException.Field.ALGORITHM, Text.t("Choose SHA1, SHA256 or SHA512"));
        }
        if (secret == null || secret.length == 0) {
            throw new InvalidOtpException(InvalidOtpException.Field.SECRET, Text.t("The secret key is empty"));
        }
        if (secret.length > MAX_SECRET_BYTES) {
            throw new InvalidOtpException(InvalidOtpException.Field.SECRET, Text.t("The secret key is longer than {0}"
                    + " bytes; no service uses keys that long", MAX_SECRET_BYTES));
        }
        if (type == OtpType.STEAM) {
            digits = Steam.DIGITS;
        } else if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new InvalidOtpException(InvalidOtpException.Field.DIGITS,
                    Text.t("Digits must be from {0} to {1} (it is {2})", MIN_DIGITS, MAX_DIGITS, digits));
        }
        if (type.isTimeBased()) {
            if (period < 1 || period > MAX_PERIOD) {
                throw new InvalidOtpException(InvalidOtpException.Field.PERIOD,
                        Text.t("The period must be from 1 to {0} seconds (it is {1})", MAX_PERIOD, period));
            }
            counter = 0;
        } else {
            if (counter < 0 || counter > MAX_COUNTER) {
                throw new InvalidOtpException(InvalidOtpException.Field.COUNTER,
                        Text.t("The counter must be a whole number from 0 to {0}", MAX_COUNTER));
            }
            period = DEFAULT_PERIOD;
        }
        return new OtpParameters(type, algorithm, digits, period, counter, secret);
    }

    public OtpType type() {
        return type;
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    /** Seconds per code for TOTP and Steam; {@link #DEFAULT_PERIOD} for HOTP, where it means nothing. */
    public int period() {
        return period;
    }

    /** The HOTP counter whose code is shown; 0 for time-based types. */
    public long counter() {
        return counter;
    }

    public byte[] secret() {
        return secret.clone();
    }

    /** The same account one HOTP step on. */
    public OtpParameters nextCounter() throws InvalidOtpException {
        return of(type, algorithm, digits, period, counter + 1, secret);
    }

    /** The code to show at {@code epochMillis}: for HOTP, the code of the stored counter. */
    public String codeAt(long epochMillis) {
        return codeAtStep(stepAt(epochMillis));
    }

    /** The code of a step as {@link #stepAt} numbers them: for a page that works out the step once per period. */
    public String codeAtStep(long step) {
        OtpKey key = key();
        return type == OtpType.STEAM ? Steam.codeAtCounter(key, step) : Hotp.code(key, step, digits);
    }

    /** Unsynchronized: a race builds the same key twice, and OtpKey's final fields publish it safely. */
    private OtpKey key() {
        if (key == null) {
            key = new OtpKey(algorithm, secret);
        }
        return key;
    }

    /**
     * How long the code shown at {@code epochMillis} stays good, in milliseconds (how long a copied code may stay in
     * the clipboard): a time-based code until its period ends; an HOTP code has no end of its own, so it gets one
     * {@link #DEFAULT_PERIOD} of grace.
     */
    public long millisValidAt(long epochMillis) {
        return type.isTimeBased() ? Totp.millisRemaining(epochMillis, period) : DEFAULT_PERIOD * 1000L;
    }

    /** Identifies the code shown at {@code epochMillis}: it changes exactly when the code does. */
    public long stepAt(long epochMillis) {
        return type.isTimeBased() ? Totp.counterAt(epochMillis, period) : counter;
    }

    /** Same secret and type: the test for "this account is already here". */
    public boolean sameCredentialAs(OtpParameters other) {
        return type == other.type && Arrays.equals(secret, other.secret);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OtpParameters)) {
            return false;
        }
        OtpParameters p = (OtpParameters) o;
        return type == p.type && algorithm == p.algorithm && digits == p.digits && period == p.period
                && counter == p.counter && Arrays.equals(secret, p.secret);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + Arrays.hashCode(secret)) * 31 + (int) counter;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return type + "/" + algorithm + "/" + digits + (type.isTimeBased() ? "/" + period + "s" : "/#" + counter);
    }
}
