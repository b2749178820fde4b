package fob.imports;

import fob.codec.Base32;
import fob.codec.EncodingException;
import fob.link.InvalidLinkException;
import fob.link.OtpAuthLink;
import fob.otp.HashAlgorithm;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import fob.text.Text;

/** Turns one app's fields for an account into an entry, or into the reason it cannot be used. */
final class Entries {
    private Entries() {
    }

    static String label(String issuer, String name) {
        String label = OtpAuthLink.displayName(issuer == null ? "" : issuer.trim(), name == null ? "" : name.trim());
        return label.isEmpty() ? Text.t("(no name)") : label;
    }

    /** From fields; {@code secret} in base32. Unknown types and algorithms become reasons, not failures. */
    static ImportEntry of(String issuer, String name, String type, String secret, String algorithm, long digits,
            long period, long counter, String note) {
        String label = label(issuer, name);
        if (secret == null || secret.trim().isEmpty()) {
            return ImportEntry.unusable(label, Text.t("it has no secret"));
        }
        try {
            return of(issuer, name, type, Base32.decode(secret), algorithm, digits, period, counter, note);
        } catch (EncodingException e) {
            return ImportEntry.unusable(label, Text.t("its secret is not base32: {0}", e.getMessage()));
        }
    }

    static ImportEntry of(String issuer, String name, String type, byte[] secret, String algorithm, long digits,
            long period, long counter, String note) {
        String label = label(issuer, name);
        OtpType otpType = OtpType.fromName(type == null ? "totp" : type);
        if (otpType == null) {
            return ImportEntry.unusable(label, Text.t("Fob does not support {0} codes", type));
        }
        HashAlgorithm hash = HashAlgorithm.fromName(algorithm == null || algorithm.isEmpty() ? "SHA1" : algorithm);
        if (hash == null) {
            return ImportEntry.unusable(label, Text.t("Fob does not support the {0} algorithm", algorithm));
        }
        try {
            OtpParameters otp = OtpParameters.of(otpType, hash, (int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, digits)), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                    period)), counter, secret);
            return ImportEntry.of(new OtpAuthLink(issuer == null ? "" : issuer.trim(), name == null ? ""
                    : name.trim(), otp), note);
        } catch (InvalidOtpException e) {
            return ImportEntry.unusable(label, e.getMessage());
        }
    }

    /** From an otpauth link inside another app's file; {@code fallbackName} names it when the link cannot. */
    static ImportEntry ofLink(String link, String fallbackName, String note) {
        try {
            OtpAuthLink parsed = OtpAuthLink.parse(link);
            return ImportEntry.of(parsed, note);
        } catch (InvalidLinkException e) {
            return ImportEntry.unusable(
                    fallbackName == null || fallbackName.isEmpty() ? Text.t("(no name)") : fallbackName,
                    e.getMessage());
        }
    }
}
