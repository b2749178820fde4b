package fob.sync;

import fob.backup.BackupException;
import fob.text.Text;

/**
 * Refuses to join another recovery account's backup while a key rotation of this browser's backup is not finished
 * here (its answer was lost): joining would replace the key that the rotation's kept code and key are sealed under,
 * and the only recovery code that opens the rotated backup would be lost.
 */
public final class UnfinishedRotationException extends BackupException {
    UnfinishedRotationException() {
        super(Text.t("A key rotation of the backup this browser backed up to has not finished here, and its new"
                + " recovery code has not been shown yet. Sign in to that recovery account again, so that Fob finishes"
                + " it and shows the code; then choose this one."));
    }
}
