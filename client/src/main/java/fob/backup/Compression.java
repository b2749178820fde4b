package fob.backup;

import fob.text.Text;

/**
 * Compresses a backup's payload before it is encrypted, and expands it after (envelope version 4): gzip (RFC 1952),
 * which the browser's CompressionStream writes and java.util.zip reads, and the other way round.
 */
public interface Compression {
    byte[] compress(byte[] data) throws BackupException;

    /** The expanded data; refused when it would pass {@code maxBytes} (a small envelope can expand without end). */
    byte[] expand(byte[] gzip, int maxBytes) throws BackupException;

    /** The refusal of data that would expand past {@code maxBytes}, whichever implementation found it. */
    static BackupException tooLarge(int maxBytes) {
        return new BackupException(Text.t("The backup's contents are larger than Fob reads ({0} MB)", maxBytes >> 20));
    }

    /** The refusal of data that is not gzip, or is cut short. */
    static BackupException damaged() {
        return new BackupException(Text.t("The backup's contents are damaged: {0}", "gzip"));
    }
}
