package fob.sync;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Compression;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.function.LongSupplier;

/**
 * Before an import: whether the vault it would leave could still be backed up, or its backup would be larger than
 * the server takes (then the person is told before, not by a stopped backup after).
 */
public final class ImportCheck {
    /** A vault as a change would leave it, made only when it is needed. */
    public interface VaultAfter {
        Vault get() throws VaultException;
    }

    /** The server's largest backup, in bytes. */
    public interface Limit {
        long maxBytes() throws ServerFailure;
    }

    private final BackupSync sync;
    private final Compression compression;
    private final Limit limit;
    private final LongSupplier clock;
    /** The server's largest backup, once asked; -1 before. */
    private long backupLimit = -1;

    public ImportCheck(BackupSync sync, Compression compression, Limit limit, LongSupplier clock) {
        this.sync = sync;
        this.compression = compression;
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Why this vault, after an import, could not be backed up (its backup larger than the server takes), or null:
     * also when backup is off or the server cannot be asked, as then nothing would be refused.
     */
    public String warning(VaultAfter after) {
        SyncState state = sync.state();
        if (!state.enabled) {
            return null;
        }
        try {
            if (backupLimit < 0) {
                backupLimit = limit.maxBytes();
            }
            byte[] compressed = compression.compress(new BackupPayload(state.lastRevision + 1, clock.getAsLong(),
                    after.get()).toBytes());
            return BackupSize.importWarning(BackupSize.envelopeBytes(compressed.length,
                    state.header == null ? 0 : state.header.length()), backupLimit);
        } catch (ServerFailure | BackupException | VaultException e) {
            return null;
        }
    }
}
