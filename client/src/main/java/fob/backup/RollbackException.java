package fob.backup;

import fob.text.Text;

/** A backup older than one this browser has already seen in the same lineage: refused, as it may be a rollback. */
public final class RollbackException extends BackupException {
    public RollbackException(long offered, long seen) {
        super(Text.t("The server sent an older backup than this browser has already seen (revision {0}, after {1}); it"
                + " may have been rolled back. Restore an older version from the backup history only on purpose.",
                offered, seen));
    }
}
