package fob.sync;

import fob.text.Text;

/** A backup's size, and the words for one the server will not take. */
final class BackupSize {
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

    /** "812 KB", "1.4 MB": decimal units, as file managers show them. */
    static String inWords(long bytes) {
        if (bytes < 1_000_000) {
            return Text.t("{0} KB", Math.max(1, Math.round(bytes / 1000.0)));
        }
        long tenths = Math.round(bytes / 100_000.0);
        return Text.t("{0} MB", Text.tenths(tenths * 100));

    }
}
