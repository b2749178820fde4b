package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackupSizeTest {
    @Test
    void sizesInWords() {
        assertEquals("1 KB", BackupSize.inWords(12));
        assertEquals("812 KB", BackupSize.inWords(812_400));
        assertEquals("1.0 MB", BackupSize.inWords(1_048_576));
        assertEquals("1.4 MB", BackupSize.inWords(1_389_000));
        assertEquals("12.0 MB", BackupSize.inWords(11_999_999));
    }

    @Test
    void whatThePersonReads() {
        assertEquals("this backup is 1.4 MB, more than the 1.0 MB that Fob's server accepts. Your accounts here are"
                + " safe. Delete accounts you no longer use, or ask whoever runs the server to raise its limit"
                + " (FOB_BACKUP_MAX_BYTES)", BackupSize.tooLarge(1_389_000, 1_048_576));
        assertEquals("this backup is larger than Fob's server accepts. Your accounts here are safe. Delete accounts"
                + " you no longer use, or ask whoever runs the server to raise its limit (FOB_BACKUP_MAX_BYTES)",
                BackupSize.tooLarge(-1, -1));
    }
}
