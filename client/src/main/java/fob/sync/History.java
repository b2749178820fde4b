package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.local.StorageException;
import fob.vault.VaultException;
import java.util.function.LongSupplier;

/** The backup's history as this browser uses it: an earlier version made the newest ({@link HistoryRestore}). */
final class History {
    private final BackupCodec codec;
    private final LocalVault local;
    private final LongSupplier clock;

    History(BackupCodec codec, LocalVault local, LongSupplier clock) {
        this.codec = codec;
        this.local = local;
        this.clock = clock;
    }

    /** Makes an earlier version the newest: its accounts replace these (placeholders keep this browser's secrets). */
    void restoreVersion(String envelopeJson) throws BackupException, StorageException, VaultException {
        Envelope envelope = Envelope.parse(envelopeJson);
        BackupPayload old = BackupPayload.read(codec.open(envelope, local.vaultKey()));
        long now = clock.getAsLong();
        local.change(current -> HistoryRestore.apply(current, old.vault(), now));
    }
}
