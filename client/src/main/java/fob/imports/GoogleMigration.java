package fob.imports;

import fob.codec.EncodingException;
import fob.codec.PercentEncoding;
import fob.codec.TextSplit;
import fob.link.OtpAuthLink;
import fob.otp.HashAlgorithm;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import fob.text.Text;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Google Authenticator's "Transfer accounts" links: {@code otpauth-migration://offline?data=BASE64}, where the
 * data is a protobuf {@code MigrationPayload} (see ../shared/fixtures/README.md for its schema).
 */
public final class GoogleMigration {
    public static final String SCHEME = "otpauth-migration://";

    private GoogleMigration() {
    }

    public static boolean isMigrationLink(String text) {
        return text != null && text.trim().regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** Every account in one migration link, each usable or with its reason. */
    public static List<ImportEntry> parse(String link) throws ImportException {
        String text = link.trim();
        if (!isMigrationLink(text)) {
            throw new ImportException(Text.t("It is not a Google Authenticator export link (otpauth-migration://)"));
        }
        int query = text.indexOf('?');
        String data = null;
        if (query >= 0) {
            for (String pair : TextSplit.split(text.substring(query + 1), '&')) {
                if (pair.startsWith("data=")) {
                    data = pair.substring(5);
                }
            }
        }
        if (data == null || data.isEmpty()) {
            throw new ImportException(Text.t("The export link has no data (data=...)"));
        }
        byte[] payload;
        try {
            // Base64 has '+' as a symbol of its own: a '+' is only ever a space in HTML forms, never here.
            String base64 = PercentEncoding.decode(data, false).replace(' ', '+').replace('-', '+').replace('_', '/');
            payload = Base64.getDecoder().decode(base64);
        } catch (EncodingException | IllegalArgumentException e) {
            throw new ImportException(Text.t("The export link's data is not valid base64"));
        }
        return parsePayload(payload);
    }

    static List<ImportEntry> parsePayload(byte[] payload) throws ImportException {
        List<ImportEntry> entries = new ArrayList<>();
        ProtoReader reader = new ProtoReader(payload);
        while (reader.hasMore()) {
            int tag = reader.readTag();
            if (tag >>> 3 == 1 && (tag & 7) == ProtoReader.LENGTH_DELIMITED) {
                entries.add(parseAccount(reader.readMessage()));
            } else {
                reader.skip(tag & 7);
            }
        }
        if (entries.isEmpty()) {
            throw new ImportException(Text.t("The export link holds no accounts"));
        }
        return entries;
    }

    private static ImportEntry parseAccount(ProtoReader reader) throws ImportException {
        byte[] secret = new byte[0];
        String name = "";
        String issuer = "";
        long algorithm = 0;
        long digits = 0;
        long type = 0;
        long counter = 0;
        while (reader.hasMore()) {
            int tag = reader.readTag();
            int wireType = tag & 7;
            int field = tag >>> 3;
            if (field == 1 && wireType == ProtoReader.LENGTH_DELIMITED) {
                secret = reader.readBytes();
            } else if (field == 2 && wireType == ProtoReader.LENGTH_DELIMITED) {
                name = reader.readString();
            } else if (field == 3 && wireType == ProtoReader.LENGTH_DELIMITED) {
                issuer = reader.readString();
            } else if (field == 4 && wireType == ProtoReader.VARINT) {
                algorithm = reader.readVarint();
            } else if (field == 5 && wireType == ProtoReader.VARINT) {
                digits = reader.readVarint();
            } else if (field == 6 && wireType == ProtoReader.VARINT) {
                type = reader.readVarint();
            } else if (field == 7 && wireType == ProtoReader.VARINT) {
                counter = reader.readVarint();
            } else {
                reader.skip(wireType);
            }
        }
        issuer = issuer.trim();
        name = name.trim();
        // Google writes the label whole into the name: drop an "Issuer:" prefix that repeats the issuer.
        if (!issuer.isEmpty() && name.startsWith(issuer + ":")) {
            name = name.substring(issuer.length() + 1).trim();
        }
        String label = OtpAuthLink.displayName(issuer, name);
        HashAlgorithm hash;
        if (algorithm == 0 || algorithm == 1) {
            hash = HashAlgorithm.SHA1;
        } else if (algorithm == 2) {
            hash = HashAlgorithm.SHA256;
        } else if (algorithm == 3) {
            hash = HashAlgorithm.SHA512;
        } else if (algorithm == 4) {
            return ImportEntry.unusable(label, Text.t("MD5 codes are not supported"));
        } else {
            return ImportEntry.unusable(label, Text.t("unknown algorithm number {0}", algorithm));
        }
        int digitCount;
        if (digits == 0 || digits == 1) {
            digitCount = 6;
        } else if (digits == 2) {
            digitCount = 8;
        } else {
            return ImportEntry.unusable(label, Text.t("unknown digit count number {0}", digits));
        }
        OtpType otpType;
        if (type == 1) {
            otpType = OtpType.HOTP;
        } else if (type == 2) {
            otpType = OtpType.TOTP;
        } else {
            return ImportEntry.unusable(label, Text.t("unknown code type number {0}", type));
        }
        if (name.isEmpty() && issuer.isEmpty()) {
            return ImportEntry.unusable(Text.t("(no name)"), Text.t("the account has no name and no issuer"));
        }
        try {
            OtpParameters parameters = OtpParameters.of(otpType, hash, digitCount, OtpParameters.DEFAULT_PERIOD,
                    counter, secret);
            return ImportEntry.of(new OtpAuthLink(issuer, name, parameters));
        } catch (InvalidOtpException e) {
            return ImportEntry.unusable(label, e.getMessage());
        }
    }
}
