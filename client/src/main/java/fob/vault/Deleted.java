package fob.vault;

/**
 * An account in Recently deleted: whole, with its secret, so that "Restore" brings it back. Kept 30 days, except a
 * work or school account deleted on another device: its secret exists only here (backups hold a placeholder), so
 * it stays until the person deletes it here.
 */
public final class Deleted {
    public static final long KEPT_MILLIS = 30L * 24 * 60 * 60 * 1000;

    private final Account account;
    private final long deletedAt;
    private final boolean onAnotherDevice;

    public Deleted(Account account, long deletedAt, boolean onAnotherDevice) {
        this.account = account;
        this.deletedAt = deletedAt;
        this.onAnotherDevice = onAnotherDevice;
    }

    public Account account() {
        return account;
    }

    public long deletedAt() {
        return deletedAt;
    }

    /** Whether the deletion came from another device through the backup. */
    public boolean onAnotherDevice() {
        return onAnotherDevice;
    }

    /** Whether only the person, here, may remove it for good: a work or school secret that no backup holds. */
    public boolean keptUntilDeletedHere() {
        return onAnotherDevice && account.kind() == AccountKind.WORK_OR_SCHOOL && !account.isPlaceholder();
    }

    boolean expiredAt(long now) {
        return !keptUntilDeletedHere() && now - deletedAt > KEPT_MILLIS;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Deleted)) {
            return false;
        }
        Deleted d = (Deleted) o;
        return account.equals(d.account) && deletedAt == d.deletedAt && onAnotherDevice == d.onAnotherDevice;
    }

    @Override
    public int hashCode() {
        return account.hashCode();
    }
}
