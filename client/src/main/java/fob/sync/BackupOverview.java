package fob.sync;

import fob.text.Text;
import java.util.function.LongFunction;

/**
 * What Settings' backup part shows, read from the sync core at one moment: the status and why, the switch, the
 * signed-in account, which actions are offered, and the choice when signed in to another recovery account than the
 * one backed up to. The page only puts it on screen.
 */
public final class BackupOverview {
    /** The status line's words. */
    public final String status;
    /** Whether the Settings button asks the person to look (its dot), and says the status. */
    public final boolean needsAttention;
    /** Whether Cloud backup is on (the switch). */
    public final boolean backupOn;
    /** The signed-in recovery account's name; null when signed out (or not known yet). */
    public final String accountName;
    /** Whether this browser backs up to the signed-in account: its code, history and key rotation are offered. */
    public final boolean ownBackup;
    /** Another device rotated the keys: a passkey sign-in here adopts them. */
    public final boolean keysChanged;
    /** Signed in to another recovery account than the one backed up to: the choice, in words; null otherwise. */
    public final String otherAccount;
    private final String problem;
    private final long lastBackupAt;

    private BackupOverview(BackupSync sync) {
        SyncStatus syncStatus = sync.status();
        SyncState state = sync.state();
        BackupServer.Account account = sync.account();
        status = syncStatus.text();
        needsAttention = syncStatus.needsAttention();
        backupOn = state.enabled;
        accountName = account == null ? null : account.name;
        ownBackup = sync.canSync();
        keysChanged = syncStatus == SyncStatus.KEYS_CHANGED && account != null;
        otherAccount = syncStatus == SyncStatus.OTHER_ACCOUNT && account != null
                ? Text.t("This browser backs up to the recovery account \u201c{0}\u201d. You signed in to"
                        + " \u201c{1}\u201d, which may hold another backup. Nothing is uploaded to it unless you"
                        + " choose: \u201cRestore or merge\u201d backs up to \u201c{1}\u201d from now on, bringing its"
                        + " accounts here if it has a backup; \u201cCancel\u201d signs out of it.", state.accountName,
                        account.name)
                : null;
        problem = sync.problem();
        lastBackupAt = state.enabled ? state.lastBackupAt : 0;
    }

    public static BackupOverview of(BackupSync sync) {
        return new BackupOverview(sync);
    }

    /** Why the backup is not up to date, and when the last good backup was, its date written by {@code date}. */
    public String detail(LongFunction<String> date) {
        StringBuilder detail = new StringBuilder();
        if (!problem.isEmpty()) {
            detail.append(Character.toUpperCase(problem.charAt(0))).append(problem.substring(1)).append(". ");
        }
        if (lastBackupAt > 0) {
            detail.append(Text.t("Last good backup: {0}.", date.apply(lastBackupAt)));
        }
        return detail.toString();
    }
}
