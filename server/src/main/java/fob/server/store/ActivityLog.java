package fob.server.store;

import java.util.List;

/**
 * The accounts' security events, for the activity recorder and its list. A backup write records its own event
 * in its transaction ({@link BackupVersions#writeBackup}).
 */
public interface ActivityLog {
    /** Records the event, keeping only the account's newest 500. */
    void recordActivity(String accountId, ActivityEvent event);

    /** The account's newest {@code limit} events, newest first. */
    List<ActivityEvent> activity(String accountId, int limit);
}
