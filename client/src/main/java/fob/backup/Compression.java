package fob.backup;

/**
 * Compresses a backup's payload before it is encrypted, and expands it after (envelope version 4): gzip (RFC 1952),
 * which the browser's CompressionStream writes and java.util.zip reads, and the other way round.
 */
public interface Compression {
    byte[] compress(byte[] data) throws BackupException;

    /** The expanded data; refused when it would pass {@code maxBytes} (a small envelope can expand without end). */
    byte[] expand(byte[] gzip, int maxBytes) throws BackupException;
}
