package fob.sync;

import fob.text.Text;

/** A backup's size, and the words for one the server will not take. */
public final class BackupSize {
    /** {"fob":5,"header":"","nonce":"<16>","ciphertext":""}: the envelope's JSON around its three strings. */
    static final int ENVELOPE_JSON_BYTES = 64;

    private BackupSize() {
    }

    /**
     * Why the backup is out of date when the server refused it as too large: both sizes in words, and what the person
     * can do. {@code bytes} or {@code limit} is -1 when it is not known.
     */
    static String tooLarge(long bytes, long limit) {
        String sizes;
        if (bytes < 0 && limit < 0) {
            sizes = Text.t("this backup is larger than Fob's server accepts.");
        } else if (bytes < 0) {
            sizes = Text.t("this backup is larger than the {0} that Fob's server accepts.", inWords(limit));
        } else if (limit < 0) {
            sizes = Text.t("this backup is {0}, more than Fob's server accepts.", inWords(bytes));
        } else {
            sizes = Text.t("this backup is {0}, more than the {1} that Fob's server accepts.", inWords(bytes),
                    inWords(limit));
        }
        return sizes + " " + Text.t("Your accounts here are safe. Delete accounts you no longer use, or ask whoever"
                + " runs the server to raise its limit (FOB_BACKUP_MAX_BYTES)");
    }

    /**
     * The bytes a PUT of this backup sends: the envelope's JSON, whose ciphertext is the compressed payload and
     * AES-GCM's 16-byte tag in unpadded base64url, beside the header string and a 16-character nonce.
     */
    public static long envelopeBytes(long compressedPayloadBytes, int headerChars) {
        long ciphertext = compressedPayloadBytes + 16;
        long base64url = (ciphertext * 4 + 2) / 3;
        return base64url + headerChars + ENVELOPE_JSON_BYTES;
    }

    /**
     * What to say before an import that would make the backup {@code envelopeBytes} large, when the server takes
     * at most {@code limit}; null when it fits.
     */
    public static String importWarning(long envelopeBytes, long limit) {
        if (envelopeBytes <= limit) {
            return null;
        }
        return Text.t("With these accounts the backup would be {0}, more than the {1} that Fob's server accepts:"
                + " they would be here, but Cloud backup would stop until the vault is smaller again.",
                inWords(envelopeBytes), inWords(limit));
    }

    /** "812 KB", "1.4 MB": decimal units, as file managers show them. */
    static String inWords(long bytes) {
        if (bytes < 1_000_000) {
            return Text.t("{0} KB", Math.max(1, Math.round(bytes / 1000.0)));
        }
        long tenths = Math.round(bytes / 100_000.0);
        return Text.t("{0} MB", Text.tenths(tenths * 100));

    }
}
