package fob.sync;

import fob.text.Text;

/** What the backup status line says. */
public enum SyncStatus {
    NOT_BACKED_UP(Text.key("Not backed up")),
    BACKING_UP(Text.key("Backing up")),
    UP_TO_DATE(Text.key("Backup up to date")),
    OUT_OF_DATE(Text.key("Backup out of date")),
    DELETED_ELSEWHERE(Text.key("Backup deleted on another device")),
    OTHER_ACCOUNT(Text.key("Signed in to another recovery account")),
    /** Another device rotated the backup's keys: a passkey sign-in here adopts the new key. */
    KEYS_CHANGED(Text.key("Sign in to keep backing up"));

    private final String text;

    SyncStatus(String text) {
        this.text = text;
    }

    /** The words on the page. */
    public String text() {
        return Text.translate(text);
    }

    /** Whether the person should look (the dot on Settings). */
    public boolean needsAttention() {
        return this == OUT_OF_DATE || this == DELETED_ELSEWHERE || this == OTHER_ACCOUNT || this == KEYS_CHANGED;
    }
}
