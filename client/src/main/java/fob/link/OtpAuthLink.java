package fob.link;

import fob.codec.Base32;
import fob.codec.EncodingException;
import fob.codec.PercentEncoding;
import fob.codec.TextSplit;
import fob.otp.HashAlgorithm;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import fob.text.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code otpauth://TYPE/[ISSUER:]NAME?secret=...} link, per Google's Key URI Format: parsed strictly
 * enough to say what is wrong, leniently enough to take what real apps write ('+' for spaces, any case).
 */
public final class OtpAuthLink {
    /** Links longer than this are not OTP links; a QR code holds at most about 4,300 characters. */
    public static final int MAX_LENGTH = 8192;
    private static final String SCHEME = "otpauth://";

    private final String issuer;
    private final String name;
    private final OtpParameters parameters;

    public OtpAuthLink(String issuer, String name, OtpParameters parameters) {
        this.issuer = issuer == null ? "" : issuer;
        this.name = name == null ? "" : name;
        this.parameters = parameters;
    }

    public String issuer() {
        return issuer;
    }

    public String name() {
        return name;
    }

    public OtpParameters parameters() {
        return parameters;
    }

    /** How a person recognises an account: "Issuer (name)", or whichever of the two there is. */
    public static String displayName(String issuer, String name) {
        if (issuer.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? issuer : issuer + " (" + name + ")";
    }

    public String displayName() {
        return displayName(issuer, name);
    }

    public static OtpAuthLink parse(String link) throws InvalidLinkException {
        String text = link == null ? "" : link.trim();
        if (text.isEmpty()) {
            throw new InvalidLinkException(Text.t("The link is empty"));
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidLinkException(Text.t("The link is too long to be an otpauth link"));
        }
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            if (text.regionMatches(true, 0, "otpauth-migration:", 0, 18)) {
                throw new InvalidLinkException(
                        Text.t("This is a Google Authenticator export link, not a single account"));
            }
            throw new InvalidLinkException(Text.t("The link must start with otpauth://"));
        }
        String rest = text.substring(SCHEME.length());
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        if (slash < 0 || (question >= 0 && question < slash)) {
            throw new InvalidLinkException(Text.t("The link has no account label after its type"
                    + " (otpauth://totp/LABEL?...)"));
        }
        OtpType type = OtpType.fromName(rest.substring(0, slash));
        if (type == null) {
            throw new InvalidLinkException(Text.t("Unknown code type '{0}'; it must be totp, hotp or steam",
                    rest.substring(0, slash)));
        }
        String rawLabel = question < 0 ? rest.substring(slash + 1) : rest.substring(slash + 1, question);
        Map<String, String> query = parseQuery(question < 0 ? "" : rest.substring(question + 1));

        String label;
        try {
            label = PercentEncoding.decode(rawLabel, false);
        } catch (EncodingException e) {
            throw new InvalidLinkException(Text.t("The account label is badly encoded: {0}", e.getMessage()));
        }
        String issuer = query.containsKey("issuer") ? query.get("issuer").trim() : null;
        String name = label;
        if (issuer != null && !issuer.isEmpty() && label.startsWith(issuer + ":")) {
            // Checked first because an issuer may itself hold a colon.
            name = label.substring(issuer.length() + 1);
        } else {
            int colon = label.indexOf(':');
            if (colon >= 0) {
                name = label.substring(colon + 1);
                if (issuer == null) {
                    issuer = label.substring(0, colon).trim();
                }
            }
        }
        name = name.trim();
        if (issuer == null) {
            issuer = "";
        }
        if (name.isEmpty() && issuer.isEmpty()) {
            throw new InvalidLinkException(Text.t("The link names no account: its label and issuer are empty"));
        }

        String secretText = query.get("secret");
        if (secretText == null || secretText.isEmpty()) {
            throw new InvalidLinkException(Text.t("The link has no secret (secret=...)"));
        }
        byte[] secret;
        try {
            secret = Base32.decode(secretText);
        } catch (EncodingException e) {
            throw new InvalidLinkException(Text.t("The secret is not valid base32: {0}", e.getMessage()));
        }
        HashAlgorithm algorithm = HashAlgorithm.SHA1;
        if (query.containsKey("algorithm")) {
            algorithm = HashAlgorithm.fromName(query.get("algorithm"));
            if (algorithm == null) {
                throw new InvalidLinkException(Text.t("Unsupported algorithm '{0}'; it must be SHA1, SHA256 or SHA512",
                        query.get("algorithm")));
            }
        }
        int digits = type == OtpType.STEAM ? 5 : 6;
        if (query.containsKey("digits")) {
            digits = (int) number(query, "digits", 0, 99);
            if (type == OtpType.STEAM && digits != 5) {
                throw new InvalidLinkException(Text.t("Steam codes have 5 characters, but the link says digits={0}",
                        digits));
            }
        }
        int period = (int) (query.containsKey("period") ? number(query, "period", 1, OtpParameters.MAX_PERIOD)
                : OtpParameters.DEFAULT_PERIOD);
        long counter = query.containsKey("counter") ? number(query, "counter", 0, OtpParameters.MAX_COUNTER) : 0;
        try {
            return new OtpAuthLink(issuer, name, OtpParameters.of(type, algorithm, digits, period, counter, secret));
        } catch (InvalidOtpException e) {
            throw new InvalidLinkException(e.getMessage());
        }
    }

    /**
     * A parameter of a link's query, decoded, that Fob itself does not use (another app's extras, such as Ente's
     * {@code codeDisplay}); null when the link has none or is not a link.
     */
    public static String extraParameter(String link, String key) {
        int question = link.indexOf('?');
        if (question < 0) {
            return null;
        }
        String query = link.substring(question + 1);
        int fragment = query.indexOf('#');
        try {
            return parseQuery(fragment < 0 ? query : query.substring(0, fragment)).get(key.toLowerCase());
        } catch (InvalidLinkException e) {
            return null;
        }
    }

    private static Map<String, String> parseQuery(String query) throws InvalidLinkException {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : TextSplit.split(query, '&')) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase();
            String value;
            try {
                value = PercentEncoding.decode(eq < 0 ? "" : pair.substring(eq + 1), true);
            } catch (EncodingException e) {
                throw new InvalidLinkException(Text.t("The parameter '{0}' is badly encoded: {1}",
                        key, e.getMessage()));
            }
            if (params.containsKey(key)) {
                throw new InvalidLinkException(Text.t("The parameter '{0}' appears twice", key));
            }
            params.put(key, value);
        }
        return params;
    }

    private static long number(Map<String, String> query, String key, long min, long max) throws InvalidLinkException {
        String text = query.get(key).trim();
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidLinkException(Text.t("{0} must be a whole number, not '{1}'", key, text));
        }
        if (value < min || value > max) {
            throw new InvalidLinkException(Text.t("{0} must be from {1} to {2} (it is {3})", key, min, max, value));
        }
        return value;
    }

    /** Writes the link back: the label as {@code ISSUER:NAME}, and the issuer again as a parameter. */
    public String format() {
        OtpParameters p = parameters;
        StringBuilder link = new StringBuilder(SCHEME).append(p.type().linkName()).append('/');
        if (!issuer.isEmpty()) {
            link.append(PercentEncoding.encode(issuer)).append(':');
        } else if (name.indexOf(':') >= 0) {
            // An empty issuer prefix, so that a colon in the name is not read back as the end of an issuer.
            link.append(':');
        }
        link.append(PercentEncoding.encode(name));
        link.append("?secret=").append(Base32.encode(p.secret()));
        if (!issuer.isEmpty()) {
            link.append("&issuer=").append(PercentEncoding.encode(issuer));
        }
        link.append("&algorithm=").append(p.algorithm().name());
        link.append("&digits=").append(p.digits());
        if (p.type().isTimeBased()) {
            link.append("&period=").append(p.period());
        } else {
            link.append("&counter=").append(p.counter());
        }
        return link.toString();
    }

    @Override
    public String toString() {
        return "OtpAuthLink[" + issuer + ":" + name + " " + parameters + "]";
    }
}
