package fob.sync;

/** A backup's size, and the words for one the server will not take. */
final class BackupSize {
    private BackupSize() {
    }

    /**
     * Why the backup is out of date when the server refused it as too large: both sizes in words, and what the person
     * can do. {@code bytes} or {@code limit} is -1 when it is not known.
     */
    static String tooLarge(long bytes, long limit) {
        String size = bytes < 0 ? "this backup is larger than " : "this backup is " + inWords(bytes) + ", more than ";
        String over = limit < 0 ? "Fob's server accepts" : "the " + inWords(limit) + " that Fob's server accepts";
        return size + over + ". Your accounts here are safe. Delete accounts you no longer use, or ask whoever runs"
                + " the server to raise its limit (FOB_BACKUP_MAX_BYTES)";
    }

    /** "812 KB", "1.4 MB": decimal units, as file managers show them. */
    static String inWords(long bytes) {
        if (bytes < 1_000_000) {
            return Math.max(1, Math.round(bytes / 1000.0)) + " KB";
        }
        long tenths = Math.round(bytes / 100_000.0);
        return tenths / 10 + "." + tenths % 10 + " MB";
    }
}
