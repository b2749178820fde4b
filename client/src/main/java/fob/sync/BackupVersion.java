package fob.sync;

import fob.text.Text;
import java.util.function.LongFunction;

/** One entry of the backup history (docs/api.md, "Backup history"). */
public final class BackupVersion {
    public final long number;
    public final int size;
    public final long createdAt;
    public final boolean current;

    BackupVersion(long number, int size, long createdAt, boolean current) {
        this.number = number;
        this.size = size;
        this.createdAt = createdAt;
        this.current = current;
    }

    /** The line the history shows for it, with its date written by {@code date}. */
    public String describe(LongFunction<String> date) {
        long kilobytes = Math.max(1, size / 1024);
        return current ? Text.t("Version {0}, {1}, {2} KB (current)", number, date.apply(createdAt), kilobytes)
                : Text.t("Version {0}, {1}, {2} KB", number, date.apply(createdAt), kilobytes);
    }
}
