package fob.sync;

/** What the backup status line says. */
public enum SyncStatus {
    NOT_BACKED_UP("Not backed up"),
    BACKING_UP("Backing up"),
    UP_TO_DATE("Backup up to date"),
    OUT_OF_DATE("Backup out of date"),
    DELETED_ELSEWHERE("Backup deleted on another device"),
    OTHER_ACCOUNT("Signed in to another recovery account"),
    /** Another device rotated the backup's keys: a passkey sign-in here adopts the new key. */
    KEYS_CHANGED("Sign in to keep backing up");

    private final String text;

    SyncStatus(String text) {
        this.text = text;
    }

    /** The words on the page. */
    public String text() {
        return text;
    }

    /** Whether the person should look (the dot on Settings). */
    public boolean needsAttention() {
        return this == OUT_OF_DATE || this == DELETED_ELSEWHERE || this == OTHER_ACCOUNT || this == KEYS_CHANGED;
    }
}
