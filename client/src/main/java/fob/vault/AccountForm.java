package fob.vault;

import fob.codec.Base32;
import fob.codec.EncodingException;
import fob.otp.HashAlgorithm;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import fob.text.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person typed into the account form, as text, and its checks: each problem is reported against the
 * field it belongs to, so the page can show it there.
 */
public final class AccountForm {
    /** The form's fields; the page maps each to its input. */
    public enum Field { ISSUER, NAME, SECRET, TYPE, ALGORITHM, DIGITS, PERIOD, COUNTER, NOTE }

    public String issuer = "";
    public String name = "";
    public String secret = "";
    public String type = "totp";
    public String algorithm = "SHA1";
    public String digits = "6";
    public String period = "30";
    public String counter = "0";
    public String note = "";
    public boolean workOrSchool;

    /** A field's text as the form holds it. */
    public String get(Field field) {
        switch (field) {
            case ISSUER: return issuer;
            case NAME: return name;
            case SECRET: return secret;
            case TYPE: return type;
            case ALGORITHM: return algorithm;
            case DIGITS: return digits;
            case PERIOD: return period;
            case COUNTER: return counter;
            default: return note;
        }
    }

    /** Sets a field's text, as the person typed or chose it. */
    public void set(Field field, String text) {
        switch (field) {
            case ISSUER -> issuer = text;
            case NAME -> name = text;
            case SECRET -> secret = text;
            case TYPE -> type = text;
            case ALGORITHM -> algorithm = text;
            case DIGITS -> digits = text;
            case PERIOD -> period = text;
            case COUNTER -> counter = text;
            default -> note = text;
        }
    }

    /** The form filled in from an account, for editing it. */
    public static AccountForm of(Account account) {
        AccountForm form = new AccountForm();
        form.issuer = account.issuer();
        form.name = account.name();
        form.note = account.note();
        form.workOrSchool = account.kind() == AccountKind.WORK_OR_SCHOOL;
        OtpParameters otp = account.otp();
        if (otp != null) {
            form.secret = Base32.encode(otp.secret());
            form.type = otp.type().linkName();
            form.algorithm = otp.algorithm().name();
            form.digits = Integer.toString(otp.digits());
            form.period = Integer.toString(otp.period());
            form.counter = Long.toString(otp.counter());
        }
        return form;
    }

    /** The outcome of {@link #check()}: parameters when every field is right, else a message per field. */
    public static final class Result {
        private final Map<Field, String> problems;
        private final OtpParameters otp;

        Result(Map<Field, String> problems, OtpParameters otp) {
            this.problems = problems;
            this.otp = otp;
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        public Map<Field, String> problems() {
            return problems;
        }

        public OtpParameters otp() {
            return otp;
        }
    }

    public Result check() {
        Map<Field, String> problems = new LinkedHashMap<>();
        String issuerText = issuer.trim();
        String nameText = name.trim();
        if (issuerText.isEmpty() && nameText.isEmpty()) {
            problems.put(Field.NAME, Text.t("Enter an account name or an issuer"));
        }
        if (issuerText.length() > Account.MAX_TEXT) {
            problems.put(Field.ISSUER, Text.t("The issuer is longer than {0} characters", Account.MAX_TEXT));
        }
        if (nameText.length() > Account.MAX_TEXT) {
            problems.put(Field.NAME, Text.t("The account name is longer than {0} characters", Account.MAX_TEXT));
        }
        if (note.length() > Account.MAX_NOTE) {
            problems.put(Field.NOTE, Text.t("The note is longer than {0} characters", Account.MAX_NOTE));
        }
        OtpType otpType = OtpType.fromName(type);
        if (otpType == null) {
            problems.put(Field.TYPE, Text.t("Choose TOTP, HOTP or Steam"));
        }
        HashAlgorithm hash = HashAlgorithm.fromName(algorithm);
        if (hash == null) {
            problems.put(Field.ALGORITHM, Text.t("Choose SHA1, SHA256 or SHA512"));
        }
        byte[] key = null;
        if (secret.trim().isEmpty()) {
            problems.put(Field.SECRET, Text.t("Enter the secret key that the service showed you"));
        } else {
            try {
                key = Base32.decode(secret);
            } catch (EncodingException e) {
                problems.put(Field.SECRET, Text.t("This is not a valid key: {0}", e.getMessage()));
            }
        }
        boolean timeBased = otpType == null || otpType.isTimeBased();
        long digitCount = otpType == OtpType.STEAM ? 5 : wholeNumber(digits, Field.DIGITS, Text.t("Digits"),
                OtpParameters.MIN_DIGITS, OtpParameters.MAX_DIGITS, problems);
        long periodSeconds = !timeBased ? OtpParameters.DEFAULT_PERIOD : wholeNumber(period, Field.PERIOD,
                Text.t("The period (seconds)"), 1, OtpParameters.MAX_PERIOD, problems);
        long counterValue = timeBased ? 0 : wholeNumber(counter, Field.COUNTER, Text.t("The counter"), 0,
                OtpParameters.MAX_COUNTER, problems);
        OtpParameters otp = null;
        if (problems.isEmpty()) {
            try {
                otp = OtpParameters.of(otpType, hash, (int) digitCount, (int) periodSeconds, counterValue, key);
            } catch (InvalidOtpException e) {
                problems.put(Field.valueOf(e.field().name()), e.getMessage());
            }
        }
        return new Result(problems, problems.isEmpty() ? otp : null);
    }

    /** The field's number, or -1 after recording what is wrong with it. */
    private static long wholeNumber(String text, Field field, String what, long min, long max,
            Map<Field, String> problems) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            problems.put(field, Text.t("{0} must be a whole number from {1} to {2}", what, min, max));
            return -1;
        }
        if (value < min || value > max) {
            problems.put(field, Text.t("{0} must be from {1} to {2} (it is {3})", what, min, max, value));
            return -1;
        }
        return value;
    }
}
