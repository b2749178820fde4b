package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fob.backup.BackupCodec;
import fob.backup.GzipCompression;
import fob.backup.Header;
import fob.crypto.BouncyCastleAead;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** The estimate against envelopes the codec really seals, of several sizes, with a recovery-code slot. */
    @Test
    void anEnvelopesBytesAreKnownFromItsCompressedPayloadAndHeader() throws Exception {
        BackupCodec codec = new BackupCodec(new BouncyCastleAead());
        byte[] key = codec.newVaultKey();
        Header header = new Header(codec.newLineage(), List.of(codec.recoveryCodeSlot(key, codec.newRecoveryCode())));
        java.util.Random random = new java.util.Random(7);
        for (int size : new int[] {0, 1, 100, 4_095, 100_000}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            String envelope = codec.seal(key, header, payload).toJson();
            long compressed = GzipCompression.INSTANCE.compress(payload).length;
            assertEquals(envelope.getBytes(StandardCharsets.UTF_8).length,
                    BackupSize.envelopeBytes(compressed, header.write().length()), size + " bytes of payload");
        }
    }

    @Test
    void anImportThatWouldNotFitIsNamedWithBothSizes() {
        assertNull(BackupSize.importWarning(8_388_608, 8_388_608), "exactly the limit fits");
        assertEquals("With these accounts the backup would be 8.4 MB, more than the 8.4 MB that Fob's server"
                + " accepts: they would be here, but Cloud backup would stop until the vault is smaller again.",
                BackupSize.importWarning(8_388_609, 8_388_608));
    }
}
